import { describe, expect, it } from "vitest";
import { PhoneSet } from "@/lib/leads/phone-set";

describe("PhoneSet", () => {
  it("reports exactly the numbers seen before", () => {
    const set = new PhoneSet(50_000);
    const numbers = Array.from({ length: 50_000 }, (_, i) => `+1212${String(5_000_000 + i * 7).padStart(7, "0")}`);
    expect(numbers.every((n) => set.add(n))).toBe(true);
    expect(numbers.every((n) => !set.add(n))).toBe(true);
    expect(set.add("+442071234567")).toBe(true);
    expect(set.add("+442071234567")).toBe(false);
    expect(set.add("+12125000001")).toBe(true); // between two stored numbers
  });

  it("grows past the number of rows it was sized for", () => {
    const set = new PhoneSet(10);
    const numbers = Array.from({ length: 5_000 }, (_, i) => `+1415${String(5_550_000 + i)}`);
    expect(numbers.every((n) => set.add(n))).toBe(true);
    expect(numbers.every((n) => !set.add(n))).toBe(true);
  });
});

describe("PhoneSet beyond 16 digits", () => {
  it("tells apart numbers a double would round together", () => {
    const set = new PhoneSet(10);
    expect(Number("49301234567890124")).toBe(Number("49301234567890125")); // why strings are needed
    expect(set.add("+49301234567890124")).toBe(true);
    expect(set.add("+49301234567890125")).toBe(true);
    expect(set.add("+49301234567890124")).toBe(false);
  });
});
