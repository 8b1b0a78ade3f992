import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Page not found" };

/** An unknown dashboard address, shown inside the shell so the navigation stays one click away. */
export default function DashboardNotFound() {
  return (
    <div className="space-y-6" data-testid="not-found">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <EmptyState
        icon={<SearchIcon className="size-6" />}
        title="There is no page at this address"
        description="The link may be mistyped, or the page may have moved. Use the menu, or start again from the overview."
        action={
          <div className="flex flex-wrap justify-center gap-3">
            <Link href="/" className={buttonClasses()}>
              Go to the overview
            </Link>
            <Link href="/campaigns" className={buttonClasses({ variant: "secondary" })}>
              Campaigns
            </Link>
          </div>
        }
      />
    </div>
  );
}
