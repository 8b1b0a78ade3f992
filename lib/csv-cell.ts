// One cell of a CSV we write for people to open in a spreadsheet. Values that a spreadsheet would run
// as a formula (=, +, -, @, and tab/CR which some treat the same) get a leading apostrophe, and every
// cell that could split or start a formula under any separator a spreadsheet may guess (`,` `;` tab,
// quotes, line breaks) is quoted — a `;`-separated locale otherwise splits `a;=cmd|…` into a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: string | number | bigint | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
