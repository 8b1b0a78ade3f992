import { cn } from "@/lib/client/cn";

/** A determinate progress bar (role=progressbar) with an accessible name; `value` is 0–100. */
export function ProgressBar({
  value,
  label,
  valueText,
  size = "md",
  className,
  ...props
}: {
  value: number;
  label: string;
  /** What assistive technology reads instead of the bare percentage, e.g. "120 of 500 leads". */
  valueText?: string;
  size?: "sm" | "md";
  className?: string;
  "data-testid"?: string;
}) {
  const clamped = Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped)}
      aria-valuetext={valueText}
      className={cn("w-full overflow-hidden rounded-full bg-slate-200", size === "sm" ? "h-1.5" : "h-2.5", className)}
      {...props}
    >
      <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${clamped}%` }} />
    </div>
  );
}
