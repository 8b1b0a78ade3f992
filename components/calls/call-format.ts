// Numbers of a call as text: durations, offsets into the recording and costs (fractions of a cent matter).

/** Seconds as "0:45", "4:05" or "1:02:03". */
export function formatDuration(seconds: number | null | undefined): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? (seconds as number) : 0));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** A duration for screen readers: "4 minutes 5 seconds". */
export function spokenDuration(seconds: number | null | undefined): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? (seconds as number) : 0));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const parts = [h ? part(h, "hour") : null, m ? part(m, "minute") : null, s || (!h && !m) ? part(s, "second") : null];
  return parts.filter(Boolean).join(" ");
}

const cost = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** US dollars to a hundredth of a cent: "$0.0662", "$1.20", "$0.0075". */
export function formatCallCost(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return cost.format(value);
}

/** A quality score out of 5: "4.6"; null is "—". */
export function formatQuality(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return "—";
  return score.toFixed(1);
}

/** How far into the call an instant is, as "+1:05" (null before the call started or when unknown). */
export function offsetFrom(startIso: string, atIso: string): string | null {
  const start = Date.parse(startIso);
  const at = Date.parse(atIso);
  if (!Number.isFinite(start) || !Number.isFinite(at) || at < start) return null;
  return `+${formatDuration((at - start) / 1000)}`;
}
