import "server-only";
// One CSV record → a lead to write, or the reasons it cannot be one (row-level problems never stop
// an import; they are counted and listed with row, column, value and reason). Synchronous and
// allocation-light: it runs a million times per large import.
import { z } from "zod";
import { isTimeZone } from "@/lib/users/schemas";
import { cachedTimeZone, normalizePhone } from "@/lib/phone/phone";
import type { ColumnPlan } from "@/lib/leads/resolve-mapping";
import type { LeadField } from "@/lib/leads/schemas";
import { MAX_CELL_CHARS } from "@/lib/leads/csv";

export type LeadRow = {
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  company: string | null;
  /** null when the zone needs an async lookup first (see cachedTimeZone in lib/phone/phone.ts). */
  timezone: string | null;
  /** custom_fields as JSON text. */
  customFields: string;
};
/** A row of the import's report: a problem row (kind `invalid`), a duplicate or a suppressed number,
 *  with the row's name and email so a person can find it. */
export type RowError = {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
  kind?: "invalid" | "duplicate" | "suppressed";
  name?: string | null;
  email?: string | null;
};

/** "First Last" from a lead's parts, as the report shows it. */
export function displayName(firstName: string | null, lastName: string | null): string | null {
  return [firstName, lastName].filter(Boolean).join(" ") || null;
}
export type RowBuilder = (line: number, cells: string[]) => LeadRow | RowError[];

const MAX_TEXT = 200;
const EMAIL = z.regexes.email; // the same rule as z.email()
const MAX_EXTRA_CELLS = 20;

export function createRowBuilder(plan: ColumnPlan[], options: { defaultCountry: string; campaignTimeZone: string }): RowBuilder {
  const column = (field: LeadField) => plan.find((c) => c.field === field) ?? null;
  const phoneCol = column("phone_number")!;
  const firstCol = column("first_name");
  const lastCol = column("last_name");
  const fullCol = column("full_name");
  const emailCol = column("email");
  const companyCol = column("company");
  const zoneCol = column("timezone");
  const mapped = plan.filter((c) => c.field);
  const custom = plan.filter((c) => !c.field).map((c) => ({ ...c, key: c.header || `column_${c.index + 1}` }));
  const zoneValid = new Map<string, boolean>();
  const isZone = (value: string) => {
    let ok = zoneValid.get(value);
    if (ok === undefined) {
      ok = isTimeZone(value);
      if (zoneValid.size < 1000) zoneValid.set(value, ok);
    }
    return ok;
  };
  const cell = (cells: string[], col: ColumnPlan | null) => (col ? (cells[col.index] ?? "").trim() : "");

  return (line, cells) => {
    // Postgres text cannot hold NUL: such a row is unreadable, not a failed import.
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.includes("\u0000")) {
        const header = plan[i]?.header ?? `column_${i + 1}`;
        return [{ row: line, column: header, value: cells[i]!.replace(/\u0000/g, "\\0").slice(0, 200), reason: "Unreadable CSV row: contains a NUL character" }];
      }
    }
    let errors: RowError[] | null = null;
    const fail = (error: RowError) => (errors ??= []).push(error);

    let json = "";
    for (const col of custom) {
      const value = (cells[col.index] ?? "").trim();
      if (value === "") continue;
      if (value.length > MAX_CELL_CHARS) {
        fail({ row: line, column: col.header, value: value.slice(0, 200), reason: `Longer than ${MAX_CELL_CHARS} characters` });
        continue;
      }
      json += `${json ? "," : ""}${JSON.stringify(col.key)}:${JSON.stringify(value)}`;
    }
    // Cells beyond the header have no name; keep them rather than drop data.
    for (let i = plan.length; i < Math.min(cells.length, plan.length + MAX_EXTRA_CELLS); i++) {
      const value = (cells[i] ?? "").trim().slice(0, MAX_CELL_CHARS);
      if (value !== "") json += `${json ? "," : ""}${JSON.stringify(`column_${i + 1}`)}:${JSON.stringify(value)}`;
    }

    const rawPhone = cell(cells, phoneCol);
    const phone = rawPhone ? normalizePhone(rawPhone, options.defaultCountry) : null;
    if (!rawPhone) fail({ row: line, column: phoneCol.header, value: "", reason: "Phone number is missing" });
    else if (!phone) fail({ row: line, column: phoneCol.header, value: rawPhone, reason: "Not a valid phone number" });

    let firstName = cell(cells, firstCol) || null;
    let lastName = cell(cells, lastCol) || null;
    const fullName = cell(cells, fullCol);
    if (fullName && !firstName && !lastName) {
      const parts = fullName.split(/\s+/);
      firstName = parts[0] ?? null;
      lastName = parts.slice(1).join(" ") || null;
    }
    const email = cell(cells, emailCol) || null;
    if (email && !EMAIL.test(email)) fail({ row: line, column: emailCol!.header, value: email, reason: "Not a valid email address" });
    const zone = cell(cells, zoneCol) || null;
    const zoneOk = zone !== null && isZone(zone);
    if (zone && !zoneOk) fail({ row: line, column: zoneCol!.header, value: zone, reason: "Not an IANA time zone (e.g. America/Chicago)" });
    for (const col of mapped) {
      if (col.field === "phone_number") continue;
      const value = (cells[col.index] ?? "").trim();
      if (value.length > MAX_TEXT) fail({ row: line, column: col.header, value: value.slice(0, MAX_TEXT), reason: `Longer than ${MAX_TEXT} characters` });
    }
    if (errors || !phone) {
      const name = displayName(firstName, lastName)?.slice(0, MAX_TEXT) ?? null;
      const shownEmail = email?.slice(0, MAX_TEXT) ?? null;
      const found: RowError[] = errors ?? [];
      return found.map((e) => ({ ...e, name, email: shownEmail }));
    }
    const cached = zoneOk ? zone : cachedTimeZone(phone, options.campaignTimeZone);
    return {
      phone,
      firstName,
      lastName,
      email: email?.toLowerCase() ?? null,
      company: cell(cells, companyCol) || null,
      timezone: cached === undefined ? null : (cached ?? options.campaignTimeZone),
      customFields: `{${json}}`,
    };
  };
}
