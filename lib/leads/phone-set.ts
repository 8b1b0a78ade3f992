// The set of E.164 numbers seen so far in one import, for dropping a file's repeated numbers before
// they reach the database. A million numbers as JavaScript strings in a Set would take ~60 MB of
// heap; as doubles (E.164 has at most 15 digits, exact in a double) in an open-addressing table it
// is 16 MB, allocated once.
export class PhoneSet {
  private table: Float64Array;
  private mask: number;
  private count = 0;

  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.table = new Float64Array(size);
    this.mask = size - 1;
  }

  /** Adds an E.164 number; false when it was already there. */
  add(e164: string): boolean {
    const value = Number(e164.slice(1));
    if (this.count * 2 >= this.table.length) this.grow();
    return this.insert(this.table, this.mask, value);
  }

  private insert(table: Float64Array, mask: number, value: number): boolean {
    const lo = value >>> 0;
    const hi = Math.floor(value / 4294967296);
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & mask;
    for (;;) {
      const slot = table[i]!;
      if (slot === 0) {
        table[i] = value;
        if (table === this.table) this.count += 1;
        return true;
      }
      if (slot === value) return false;
      i = (i + 1) & mask;
    }
  }

  private grow() {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    this.mask = this.table.length - 1;
    for (const value of old) if (value !== 0) this.insert(this.table, this.mask, value);
  }
}
