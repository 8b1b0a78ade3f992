// The North American fast path must agree with libphonenumber on every input it accepts.
import { describe, expect, it } from "vitest";
import { nanpFastPath, normalizePhone, normalizeWithLibphonenumber } from "@/lib/phone/phone";
import { seededRandom } from "@/lib/seeded-random";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const FORMATS = [
  (a: string, e: string, l: string) => `(${a}) ${e}-${l}`,
  (a: string, e: string, l: string) => `${a}-${e}-${l}`,
  (a: string, e: string, l: string) => `${a}.${e}.${l}`,
  (a: string, e: string, l: string) => `+1 ${a} ${e} ${l}`,
  (a: string, e: string, l: string) => `1${a}${e}${l}`,
  (a: string, e: string, l: string) => `+1${a}${e}${l}`,
  (a: string, e: string, l: string) => `${a}${e}${l}`,
  (a: string, e: string, l: string) => ` 1 (${a}) ${e}-${l} `,
  (a: string, e: string, l: string) => `+1 (${a}) ${e}.${l}`,
];

function compare(inputs: string[], countries: string[]) {
  let fast = 0;
  const mismatches: string[] = [];
  for (const input of inputs) {
    for (const country of countries) {
      const quick = nanpFastPath(input, country);
      if (quick === undefined) continue;
      fast += 1;
      const reference = normalizeWithLibphonenumber(input, country);
      if (quick !== reference) mismatches.push(`${JSON.stringify(input)} (${country}): fast ${quick}, libphonenumber ${reference}`);
    }
  }
  return { fast, mismatches };
}

describe("nanpFastPath", () => {
  it("agrees with libphonenumber for every area code, in every common format", () => {
    const next = seededRandom(7);
    const inputs: string[] = [];
    for (let area = 200; area <= 999; area++) {
      for (let k = 0; k < 3; k++) {
        const exchange = pad(Math.floor(next() * 1000), 3);
        const line = pad(Math.floor(next() * 10000), 4);
        inputs.push(FORMATS[Math.floor(next() * FORMATS.length)]!(String(area), exchange, line));
      }
    }
    const { fast, mismatches } = compare(inputs, ["US", "CA"]);
    expect(mismatches).toEqual([]);
    expect(fast).toBe(inputs.length * 2); // every one of them took the fast path
  });

  it("agrees with libphonenumber on random digit-and-punctuation strings, and leaves the rest to it", () => {
    const next = seededRandom(11);
    const alphabet = "0123456789012345678901234567890123456789 ()-.+";
    const inputs: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const length = 8 + Math.floor(next() * 10);
      let text = "";
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      inputs.push(text);
    }
    const { fast, mismatches } = compare(inputs, ["US", "CA", "GB"]);
    expect(mismatches).toEqual([]);
    expect(fast).toBeGreaterThan(100);
  });

  it("covers Caribbean regions, toll-free and invalid exchanges like libphonenumber", () => {
    const inputs = ["+1 268 464 1234", "268 464 1234", "+1 809 555 1234", "800-555-0199", "(212) 055-0100", "(212) 155-0100", "+1 911 555 1234", "(555) 555-5555"];
    const { fast, mismatches } = compare(inputs, ["US", "CA"]);
    expect(mismatches).toEqual([]);
    expect(fast).toBe(inputs.length * 2);
  });

  it("hands letters, extensions and other countries' formats to libphonenumber", () => {
    expect(nanpFastPath("tel: 212 555 0100", "US")).toBeUndefined();
    expect(nanpFastPath("212 555 0100 x12", "US")).toBeUndefined();
    expect(nanpFastPath("020 7123 4567", "GB")).toBeUndefined();
    expect(nanpFastPath("+44 20 7123 4567", "US")).toBeUndefined();
    expect(normalizePhone("212 555 0100 x12", "US")).toBe("+12125550100");
    expect(normalizePhone("020 7123 4567", "GB")).toBe("+442071234567");
    expect(normalizePhone("not a number", "US")).toBeNull();
  });
});

describe("time zones", () => {
  it("follow each number's longest listed prefix, not its area code's first-seen answer", async () => {
    const { inferTimeZone, cachedTimeZone, prepareTimeZones } = await import("@/lib/phone/phone");
    await prepareTimeZones();
    // Area code 208 is split: most of it on Mountain time, exchange 446 on Pacific time.
    expect(await inferTimeZone("+12083451234", "America/New_York")).toBe("America/Denver");
    expect(await inferTimeZone("+12084461234", "America/New_York")).toBe("America/Los_Angeles");
    expect(cachedTimeZone("+12083451234", "America/New_York")).toBe("America/Denver");
    expect(cachedTimeZone("+12125550100", "America/Chicago")).toBe("America/New_York");
  });
});
