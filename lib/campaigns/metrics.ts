// The campaign rate formulas (README "Campaign metrics"), written once. Every reader — campaign
// progress and performance, analytics summaries and time series — computes its rates here from
// counters, so a rate cannot mean two things in two places.
//
// Rounding is half away from zero, like Postgres' round(numeric), and exact: rates are computed on
// integers (counts) and ROI on money in fixed-point units (BigInt), never on binary floats, so
// 1/8 = 12.5 % and 2/3 = 66.67 % come out the same on every path.
//   progress_percentage  contacted / total_prospects × 100, one decimal; 0 for an empty campaign
//   success_rate         connected / placed × 100, two decimals; null before any call
//   conversion_rate      converted / connected × 100, two decimals; null before any answered call
//   roi                  (revenue − cost) / cost, a ratio with two decimals; null while nothing was spent
// A rate with nothing to divide is null: "0 %" before the first call would be a claim.

/** numerator / denominator × 100 rounded to `decimals`, exactly; null when the denominator is 0. */
export function percentage(numerator: number, denominator: number, decimals: number): number | null {
  if (denominator === 0) return null;
  const scale = 10 ** decimals;
  // round(n·100·scale / d) half away from zero, in integers: floor((2·|n|·100·scale + |d|) / (2·|d|)).
  const n = BigInt(Math.abs(numerator)) * 100n * BigInt(scale);
  const d = BigInt(Math.abs(denominator));
  const q = (2n * n + d) / (2n * d);
  const sign = (numerator < 0) !== (denominator < 0) && q !== 0n ? -1 : 1;
  return (sign * Number(q)) / scale;
}

export function progressPercentage(contacted: number, totalProspects: number): number {
  return percentage(contacted, totalProspects, 1) ?? 0;
}

export function successRate(connected: number, placed: number): number | null {
  return percentage(connected, placed, 2);
}

export function conversionRate(converted: number, connected: number): number | null {
  return percentage(converted, connected, 2);
}

// Money arrives as Postgres numeric text ("12.3400"); it is kept in units of 1/10,000 (the precision
// of calls.cost) so sums and ratios are exact.
const MONEY_DECIMALS = 4;
const MONEY_SCALE = 10n ** BigInt(MONEY_DECIMALS);

/** A numeric's text as an integer number of 1/10,000 units. */
export function moneyUnits(text: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`Not a decimal amount: ${text}`);
  const [, minus, whole, fraction = ""] = match;
  if (fraction.length > MONEY_DECIMALS && /[^0]/.test(fraction.slice(MONEY_DECIMALS))) {
    throw new Error(`More than ${MONEY_DECIMALS} decimals: ${text}`);
  }
  const units = BigInt(whole!) * MONEY_SCALE + BigInt(fraction.slice(0, MONEY_DECIMALS).padEnd(MONEY_DECIMALS, "0"));
  return minus ? -units : units;
}

/** a / b rounded half away from zero to an integer. */
function divRound(a: bigint, b: bigint): bigint {
  const negative = (a < 0n) !== (b < 0n);
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (2n * absA + absB) / (2n * absB);
  return negative ? -q : q;
}

/** An amount in 1/10,000 units as a number of currency with two decimals (cents). */
export function moneyAmount(units: bigint): number {
  return Number(divRound(units, MONEY_SCALE / 100n)) / 100;
}

/** (revenue − cost) / cost as a ratio with two decimals; null while nothing was spent. */
export function roi(revenueUnits: bigint, costUnits: bigint): number | null {
  if (costUnits === 0n) return null;
  return Number(divRound((revenueUnits - costUnits) * 100n, costUnits)) / 100;
}
