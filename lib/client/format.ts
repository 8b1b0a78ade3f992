// Dates shown in the viewer's locale and time zone. Rendered only in client components after data
// loads, so server and browser never disagree during hydration.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDateTime(iso: string | null | undefined, fallback = "Never"): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : dateTime.format(date);
}

export function formatDate(iso: string | null | undefined, fallback = "—"): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : dateOnly.format(date);
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** A percentage the API already expresses as 0–100 (e.g. success_rate 85.04 → "85%"). */
export function formatPercent(value: number | null | undefined, fallback = "—"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return fallback;
  return `${oneDecimal.format(value)}%`;
}

const currency = new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" });

export function formatCurrency(value: number): string {
  return currency.format(value);
}

const UNITS = ["bytes", "KB", "MB", "GB"] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${integer.format(value)} ${value === 1 ? "byte" : "bytes"}` : `${oneDecimal.format(value)} ${UNITS[unit]}`;
}
