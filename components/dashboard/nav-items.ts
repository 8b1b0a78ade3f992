// The dashboard's areas and the permission each needs; the layout hides what the role lacks, and
// each page checks again on the server.
import type { Permission } from "@/lib/auth/permissions";

export type NavIconName = "overview" | "campaigns" | "calls" | "live" | "agents" | "voices" | "analytics" | "settings";

export type NavItem = { href: string; label: string; icon: NavIconName; permission?: Permission };

const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview", icon: "overview" },
  { href: "/campaigns", label: "Campaigns", icon: "campaigns", permission: "campaigns.view" },
  { href: "/calls", label: "Calls", icon: "calls", permission: "calls.view" },
  { href: "/calls/live", label: "Live calls", icon: "live", permission: "calls.view" },
  { href: "/agents", label: "Agents", icon: "agents", permission: "agents.view" },
  { href: "/voices", label: "Voices", icon: "voices", permission: "voices.view" },
  { href: "/analytics", label: "Analytics", icon: "analytics", permission: "analytics.view" },
  { href: "/settings", label: "Settings", icon: "settings" },
];

export function navItemsFor(permissions: ReadonlySet<Permission>): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.has(item.permission));
}

/** "/" matches only itself; other items also match their sub-pages (/settings/users → Settings). */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The one item a page belongs to: the most specific match (/calls/live → Live calls, not Calls). */
export function activeHref(pathname: string, items: readonly Pick<NavItem, "href">[]): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    if (isActivePath(pathname, href) && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
