import { describe, expect, it } from "vitest";
import { conversionRate, moneyAmount, moneyUnits, percentage, progressPercentage, roi, successRate } from "@/lib/campaigns/metrics";

// Every expectation below is worked out by hand from the definitions in README "Campaign metrics".
describe("campaign metrics", () => {
  it("progress_percentage: contacted / total × 100, one decimal, 0 for an empty campaign", () => {
    expect(progressPercentage(1, 4)).toBe(25); // 25.0
    expect(progressPercentage(1, 3)).toBe(33.3); // 33.333…
    expect(progressPercentage(2, 3)).toBe(66.7); // 66.666…
    expect(progressPercentage(1, 8)).toBe(12.5); // exactly 12.5
    expect(progressPercentage(1, 16)).toBe(6.3); // 6.25 → half away from zero
    expect(progressPercentage(1, 2000)).toBe(0.1); // 0.05 → 0.1
    expect(progressPercentage(1, 2001)).toBe(0); // 0.04997…
    expect(progressPercentage(0, 0)).toBe(0);
    expect(progressPercentage(1_000_000, 1_000_000)).toBe(100);
  });

  it("success_rate: connected / placed × 100, two decimals, null before any call", () => {
    expect(successRate(2, 4)).toBe(50);
    expect(successRate(2, 3)).toBe(66.67); // 66.666…
    expect(successRate(1, 3)).toBe(33.33); // 33.333…
    expect(successRate(1, 16)).toBe(6.25); // exact
    expect(successRate(1, 32)).toBe(3.13); // 3.125 → half away from zero
    expect(successRate(1, 20000)).toBe(0.01); // 0.005 → 0.01
    expect(successRate(0, 5)).toBe(0);
    expect(successRate(0, 0)).toBeNull();
  });

  it("conversion_rate: converted / connected × 100, two decimals, null before any answered call", () => {
    expect(conversionRate(1, 2)).toBe(50);
    expect(conversionRate(5, 7)).toBe(71.43); // 71.428…
    expect(conversionRate(1, 0)).toBeNull();
  });

  it("percentage keeps the sign of a negative ratio", () => {
    expect(percentage(-1, 8, 1)).toBe(-12.5);
    expect(percentage(-1, 16, 1)).toBe(-6.3);
  });

  it("roi: (revenue − cost) / cost as a ratio, two decimals, null while nothing was spent", () => {
    expect(roi(moneyUnits("11"), moneyUnits("2"))).toBe(4.5); // (11 − 2) / 2
    expect(roi(moneyUnits("0"), moneyUnits("0.5"))).toBe(-1); // (0 − 0.5) / 0.5
    expect(roi(moneyUnits("100.00"), moneyUnits("3.0000"))).toBe(32.33); // 97 / 3 = 32.333…
    expect(roi(moneyUnits("1.00"), moneyUnits("0.0800"))).toBe(11.5); // 0.92 / 0.08
    expect(roi(moneyUnits("0.01"), moneyUnits("0.0200"))).toBe(-0.5); // −0.01 / 0.02
    expect(roi(moneyUnits("1.00"), moneyUnits("0.6000"))).toBe(0.67); // 0.4 / 0.6 = 0.666…
    expect(roi(moneyUnits("0.9975"), moneyUnits("1"))).toBe(0); // −0.0025 → −0.00 → 0
    expect(roi(moneyUnits("0.995"), moneyUnits("1"))).toBe(-0.01); // −0.005 → −0.01 (away from zero)
    expect(roi(moneyUnits("5"), moneyUnits("0"))).toBeNull();
  });

  it("reads Postgres numeric text exactly and rounds money to cents", () => {
    expect(moneyUnits("12.3456")).toBe(123456n);
    expect(moneyUnits("-0.5")).toBe(-5000n);
    expect(moneyUnits("7")).toBe(70000n);
    expect(moneyUnits("1.230000")).toBe(12300n);
    expect(() => moneyUnits("1.23456")).toThrow();
    expect(() => moneyUnits("abc")).toThrow();
    expect(moneyAmount(moneyUnits("2.0050"))).toBe(2.01); // half a cent → away from zero
    expect(moneyAmount(moneyUnits("2.0049"))).toBe(2);
    expect(moneyAmount(moneyUnits("-2.0050"))).toBe(-2.01);
    expect(moneyAmount(moneyUnits("1234567.8912"))).toBe(1234567.89);
  });
});
