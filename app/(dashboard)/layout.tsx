import Link from "next/link";
import { requirePageIdentity } from "@/lib/auth/current-user";
import { getUser } from "@/lib/users/get-user";
import { Providers } from "@/app/providers";
import { navItemsFor } from "@/components/dashboard/nav-items";
import { SidebarNav } from "@/components/dashboard/sidebar-nav";
import { MobileNav } from "@/components/dashboard/mobile-nav";
import { UserMenu } from "@/components/dashboard/user-menu";
import { LogoMark } from "@/components/ui/icons";
import { Toaster } from "@/components/ui/toast";
import { DisplayFormatProvider } from "@/lib/client/display-format";

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-lg text-slate-900">
      <span className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white shadow-sm">
        <LogoMark className="size-5" />
      </span>
      <span className="text-lg font-semibold tracking-tight">Vocelio</span>
    </Link>
  );
}

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { organization, user, permissions } = await requirePageIdentity();
  const items = navItemsFor(permissions);
  // The profile's zone from the server, so the first render already uses it (the client then follows
  // GET /api/users/me, so a change saved in Settings applies without a reload).
  const { preferences } = await getUser({ organization }, user.id);
  const savedZone = preferences && typeof preferences === "object" && "timezone" in preferences && typeof preferences.timezone === "string" ? preferences.timezone : null;

  return (
    <Providers>
      <DisplayFormatProvider initialTimeZone={savedZone} organizationCountry={organization.defaultCountry}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg"
      >
        Skip to content
      </a>
      <div className="min-h-dvh lg:flex">
        <aside className="hidden border-r border-slate-200 bg-white lg:sticky lg:top-0 lg:flex lg:h-dvh lg:w-64 lg:shrink-0 lg:flex-col">
          <div className="flex h-16 items-center px-6">
            <Brand />
          </div>
          <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
            <SidebarNav items={items} />
          </nav>
          <div className="border-t border-slate-200 px-6 py-4 text-xs text-slate-500">
            <p className="truncate font-medium text-slate-700">{organization.name}</p>
            <p className="capitalize">{organization.plan} plan</p>
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-6 lg:px-8">
            <MobileNav items={items} />
            <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-white lg:hidden" aria-hidden="true">
              <LogoMark className="size-5" />
            </span>
            <p className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900" data-testid="org-name">
              {organization.name}
            </p>
            <UserMenu user={{ name: user.name, email: user.email, role: user.role }} />
          </header>
          <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
            <div className="mx-auto w-full max-w-6xl">{children}</div>
          </main>
        </div>
      </div>
      {/* One place for toasts: any dashboard page raises them with toast(). */}
      <Toaster />
      </DisplayFormatProvider>
    </Providers>
  );
}
