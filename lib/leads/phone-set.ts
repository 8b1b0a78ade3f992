// The set of E.164 numbers seen so far in one import, for dropping a file's repeated numbers before
// they reach the database. A million numbers as JavaScript strings in a Set would take ~60 MB of
// heap; as doubles in an open-addressing table at most three quarters full it is ~11 MB, allocated
// once (it grows if a file has more rows than its upload-time count said). Doubles are exact up to
// 2^53 (16 digits); libphonenumber accepts a few longer numbers (German, Japanese), kept as strings.
export class PhoneSet {
  private table: Float64Array;
  private count = 0;
  private long: Set<string> | null = null;

  constructor(expected: number) {
    this.table = new Float64Array(PhoneSet.capacityFor(expected));
  }

  private static capacityFor(entries: number): number {
    return Math.max(1024, Math.ceil(entries / 0.75) + 1);
  }

  /** Adds an E.164 number; false when it was already there. */
  add(e164: string): boolean {
    const value = Number(e164.slice(1));
    if (!Number.isSafeInteger(value)) {
      this.long ??= new Set();
      if (this.long.has(e164)) return false;
      this.long.add(e164);
      return true;
    }
    if ((this.count + 1) * 4 > this.table.length * 3) this.grow();
    return this.insert(value);
  }

  private insert(value: number): boolean {
    const table = this.table;
    const lo = value >>> 0;
    const hi = Math.floor(value / 4294967296);
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const size = table.length;
    let i = Math.floor(((h >>> 0) / 4294967296) * size); // the hash scaled to the table, no modulo
    for (;;) {
      const slot = table[i]!;
      if (slot === 0) {
        table[i] = value;
        this.count += 1;
        return true;
      }
      if (slot === value) return false;
      i = i + 1 === size ? 0 : i + 1;
    }
  }

  private grow() {
    const old = this.table;
    this.table = new Float64Array(PhoneSet.capacityFor(this.count * 2));
    this.count = 0;
    for (const value of old) if (value !== 0) this.insert(value);
  }
}
