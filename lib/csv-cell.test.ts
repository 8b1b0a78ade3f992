import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/csv-cell";

describe("csvCell", () => {
  it("defuses formulas and quotes them, so no separator a spreadsheet guesses can split one out", () => {
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell("+44 20")).toBe(`"'+44 20"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\t=cmd")).toBe(`"'\t=cmd"`);
  });

  it("quotes every cell with ; or a tab (a ;-separated locale would otherwise split `a;=cmd|…` into a formula)", () => {
    expect(csvCell("a;=cmd|' /C calc'!A0")).toBe(`"a;=cmd|' /C calc'!A0"`);
    expect(csvCell("a\tb")).toBe(`"a\tb"`);
    expect(csvCell('say "hi"')).toBe(`"say ""hi"""`);
    expect(csvCell("a,b")).toBe(`"a,b"`);
    expect(csvCell("line\nbreak")).toBe(`"line\nbreak"`);
  });

  it("leaves plain values alone", () => {
    expect(csvCell("Ada Lovelace")).toBe("Ada Lovelace");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(null)).toBe("");
  });
});
