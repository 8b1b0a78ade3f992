import type { Metadata } from "next";
import Link from "next/link";
import { requirePageIdentity } from "@/lib/auth/current-user";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { DeniedNotice } from "@/components/overview/denied-notice";
import { HeadlineFigures } from "@/components/overview/headline-figures";
import { Badge } from "@/components/ui/badge";
import { ChartIcon, KeyIcon, MegaphoneIcon, PhoneIcon, UserIcon, UsersIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

type Upcoming = { title: string; text: string; icon: typeof ChartIcon; permission: Permission };

const UPCOMING: Upcoming[] = [
  {
    title: "Live calls",
    text: "Arrives with the telephony release: follow calls in progress with their live transcript.",
    icon: PhoneIcon,
    permission: "calls.view",
  },
  {
    title: "Analytics",
    text: "Arrives with the telephony release: outcomes, sentiment and agent performance across campaigns. Each campaign's own analytics are on its page.",
    icon: ChartIcon,
    permission: "analytics.view",
  },
];

type Shortcut = {
  href: string;
  title: string;
  text: string;
  icon: typeof ChartIcon;
  permission?: Permission;
  /** Hidden when the user has this one (a richer card takes its place). */
  unless?: Permission;
};

const SHORTCUTS: Shortcut[] = [
  // Two cards for one page: who can create campaigns is told so; everyone else is told what they can do there.
  {
    href: "/campaigns",
    title: "Campaigns",
    text: "Create outbound campaigns, import leads and follow their progress.",
    icon: MegaphoneIcon,
    permission: "campaigns.create",
  },
  {
    href: "/campaigns",
    title: "Campaigns",
    text: "See the campaigns your team runs, their leads and how far each one has got.",
    icon: MegaphoneIcon,
    permission: "campaigns.view",
    unless: "campaigns.create",
  },
  { href: "/settings/profile", title: "Your profile", text: "Set your name, time zone and notifications.", icon: UserIcon },
  {
    href: "/settings/users",
    title: "Team",
    text: "See who is in your organization, add people and set their roles.",
    icon: UsersIcon,
    permission: "users.view",
  },
  {
    href: "/settings/api-keys",
    title: "API keys",
    text: "Create keys so your systems can use the Vocelio REST API.",
    icon: KeyIcon,
    permission: "api_keys.manage",
  },
  {
    href: "/settings/dnc",
    title: "Do-not-call list",
    text: "Numbers that must never be called; imports skip them.",
    icon: PhoneIcon,
    permission: "dnc.manage",
  },
];

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const { organization, user, permissions } = await requirePageIdentity();
  const { denied } = await searchParams;
  const deniedPermission = typeof denied === "string" && isPermission(denied) ? denied : null;
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;
  const upcoming = UPCOMING.filter((item) => permissions.has(item.permission));
  const shortcuts = SHORTCUTS.filter(
    (item) => (!item.permission || permissions.has(item.permission)) && !(item.unless && permissions.has(item.unless)),
  );

  return (
    <div className="space-y-8">
      {deniedPermission ? <DeniedNotice key={deniedPermission} permission={deniedPermission} /> : null}

      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Welcome, {firstName}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>
            You are signed in to <span className="font-medium text-slate-900">{organization.name}</span>
          </span>
          <Badge tone="brand" className="capitalize">
            {organization.plan} plan
          </Badge>
        </p>
      </div>

      {permissions.has("analytics.view") ? <HeadlineFigures /> : null}

      <section aria-labelledby="setup-heading" className="space-y-3">
        <h2 id="setup-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          {permissions.has("users.manage") ? "Set up your workspace" : "Get started"}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shortcuts.map(({ href, title, text, icon: Icon }) => (
            <li key={`${href}-${title}`}>
              <Link
                href={href}
                className="group flex h-full gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition-colors hover:border-brand-500/50 hover:bg-brand-50/40"
              >
                <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-600">
                  <Icon className="size-5" />
                </span>
                <span className="space-y-1">
                  <span className="block font-semibold text-slate-900 group-hover:text-brand-700">{title}</span>
                  <span className="block text-sm text-slate-600">{text}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {upcoming.length ? (
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
            Coming next
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {upcoming.map(({ title, text, icon: Icon }) => (
              <li key={title} className="flex gap-4 rounded-xl border border-dashed border-slate-300 bg-white/60 p-5">
                <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
                  <Icon className="size-5" />
                </span>
                <div className="space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-semibold text-slate-900">{title}</h3>
                    <Badge>Not available yet</Badge>
                  </div>
                  <p className="text-sm text-slate-600">{text}</p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
