import { Skeleton } from "@/components/ui/skeleton";

/** Loading placeholder for a list table: announces `label` to screen readers and repeats one row shape. */
export function ListSkeleton({
  label,
  testId,
  rows = 5,
  header = true,
  children,
}: {
  label: string;
  testId: string;
  rows?: number;
  header?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <span className="sr-only" role="status">
        {label}
      </span>
      {header ? (
        <div className="border-b border-slate-200 bg-slate-50 px-4 py-3">
          <Skeleton className="h-3 w-40" />
        </div>
      ) : null}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-4 py-4 last:border-0">
          {children}
        </div>
      ))}
    </div>
  );
}
