import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LogoMark } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Page not found" };

/** 404 outside the dashboard shell (e.g. under the sign-in pages): the brand and a way in. */
export default function NotFound() {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12" data-testid="not-found">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <span className="mx-auto mb-4 flex size-10 items-center justify-center rounded-lg bg-brand-600 text-white">
          <LogoMark className="size-6" />
        </span>
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-1 text-xl font-semibold text-slate-900">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600">There is no page at this address. It may be mistyped, or it may have moved.</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Link href="/" className={buttonClasses()}>
            Go to the dashboard
          </Link>
          <Link href="/login" className={buttonClasses({ variant: "secondary" })}>
            Sign in
          </Link>
        </div>
      </div>
    </main>
  );
}
