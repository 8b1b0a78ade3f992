import { cn } from "@/lib/client/cn";

/** One headline figure: a label, the value, and an optional line under it (inside a <dl>). */
export function Kpi({
  label,
  value,
  testId,
  className,
  children,
}: {
  label: string;
  value: string;
  testId: string;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={cn("rounded-xl border border-slate-200 bg-white p-4 shadow-sm", className)} data-testid={testId}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {children ? <dd className="mt-2 text-xs text-slate-500">{children}</dd> : null}
    </div>
  );
}
