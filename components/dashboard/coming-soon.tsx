import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";

/** An honest placeholder for an area whose API has not shipped yet: what it will do, no sample data. */
export function ComingSoon({
  title,
  summary,
  headline,
  description,
  features,
  icon,
}: {
  title: string;
  summary: string;
  headline: string;
  description: string;
  features: string[];
  icon: React.ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <EmptyState
        icon={icon}
        title={headline}
        description={
          <>
            <p>{description}</p>
            <ul className="mt-4 space-y-1.5 text-left">
              {features.map((feature) => (
                <li key={feature} className="flex gap-2">
                  <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-brand-500" />
                  <span>{feature}</span>
                </li>
              ))}
            </ul>
          </>
        }
        action={
          <Link href="/" className={buttonClasses({ variant: "secondary" })}>
            Back to overview
          </Link>
        }
      />
    </>
  );
}
