"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/client/cn";
import { activeHref, type NavIconName, type NavItem } from "@/components/dashboard/nav-items";
import { BotIcon, ChartIcon, HomeIcon, LiveIcon, MegaphoneIcon, PhoneIcon, SettingsIcon, WaveformIcon } from "@/components/ui/icons";

const ICONS: Record<NavIconName, typeof HomeIcon> = {
  overview: HomeIcon,
  campaigns: MegaphoneIcon,
  calls: PhoneIcon,
  live: LiveIcon,
  agents: BotIcon,
  voices: WaveformIcon,
  analytics: ChartIcon,
  settings: SettingsIcon,
};

export function SidebarNav({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = activeHref(pathname, items);
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const active = item.href === current;
        const Icon = ICONS[item.icon];
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
                active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon className={cn("size-5", active ? "text-brand-600" : "text-slate-400")} />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
