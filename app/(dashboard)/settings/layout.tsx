import { requirePageIdentity } from "@/lib/auth/current-user";
import { SettingsNav, type SettingsNavItem } from "@/components/settings/settings-nav";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { permissions } = await requirePageIdentity();
  const items: SettingsNavItem[] = [
    { href: "/settings/profile", label: "Profile" },
    ...(permissions.has("users.view") ? [{ href: "/settings/users", label: "Users" }] : []),
    ...(permissions.has("api_keys.manage") ? [{ href: "/settings/api-keys", label: "API keys" }] : []),
    ...(permissions.has("dnc.manage") ? [{ href: "/settings/dnc", label: "Do-not-call" }] : []),
    ...(permissions.has("jobs.view") ? [{ href: "/settings/system", label: "System" }] : []),
  ];
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Settings</h1>
        <p className="text-sm text-slate-600">Your profile, your team, access to the API and the do-not-call list.</p>
      </div>
      <SettingsNav items={items} />
      <div>{children}</div>
    </div>
  );
}
