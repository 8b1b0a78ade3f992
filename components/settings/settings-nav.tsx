"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { permissionsForRole, type Permission } from "@/lib/auth/permissions";
import { cn } from "@/lib/client/cn";
import { useMe } from "@/lib/client/hooks/use-me";

export type SettingsNavItem = { href: string; label: string };

/**
 * Tabs the layout does not list yet, shown by the signed-in user's role (from /api/users/me). The
 * /settings/dnc page checks the permission again on the server.
 */
const ROLE_ITEMS: readonly (SettingsNavItem & { permission: Permission })[] = [
  { href: "/settings/dnc", label: "Do-not-call", permission: "dnc.manage" },
];

export function SettingsNav({ items }: { items: SettingsNavItem[] }) {
  const pathname = usePathname();
  const me = useMe();
  const granted = me.data ? new Set(permissionsForRole(me.data.role)) : null;
  const extra = ROLE_ITEMS.filter(
    (item) => !items.some((listed) => listed.href === item.href) && (granted?.has(item.permission) ?? false),
  );
  const all = [...items, ...extra];
  return (
    <nav aria-label="Settings" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1">
        {all.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
