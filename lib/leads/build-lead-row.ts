import "server-only";
// One CSV record → a lead to write, or the reasons it cannot be one (row-level problems never stop
// an import; they are counted and listed with row, column, value and reason).
import { z } from "zod";
import { isTimeZone } from "@/lib/users/schemas";
import { inferTimeZone, normalizePhone } from "@/lib/leads/phone";
import type { ColumnPlan } from "@/lib/leads/resolve-mapping";
import { MAX_CELL_CHARS } from "@/lib/leads/csv";

export type LeadRow = {
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  company: string | null;
  timezone: string;
  customFields: Record<string, string>;
};
export type RowError = { row: number; column: string | null; value: string | null; reason: string };

const MAX_TEXT = 200;
const email = z.email();

export async function buildLeadRow(
  line: number,
  cells: string[],
  plan: ColumnPlan[],
  options: { defaultCountry: string; campaignTimeZone: string },
): Promise<{ lead: LeadRow } | { errors: RowError[] }> {
  const errors: RowError[] = [];
  const values: Partial<Record<string, { header: string; value: string }>> = {};
  const customFields: Record<string, string> = {};
  for (const col of plan) {
    const value = (cells[col.index] ?? "").trim();
    if (!col.field && value.length > MAX_CELL_CHARS) {
      errors.push({ row: line, column: col.header, value: value.slice(0, 200), reason: `Longer than ${MAX_CELL_CHARS} characters` });
      continue;
    }
    if (col.field) values[col.field] = { header: col.header, value };
    else if (value !== "") customFields[col.header || `column_${col.index + 1}`] = value;
  }
  // Cells beyond the header have no name; keep them rather than drop data.
  for (let i = plan.length; i < Math.min(cells.length, plan.length + 20); i++) {
    const value = (cells[i] ?? "").trim().slice(0, MAX_CELL_CHARS);
    if (value !== "") customFields[`column_${i + 1}`] = value;
  }

  const phoneCell = values.phone_number!;
  const phone = phoneCell.value ? normalizePhone(phoneCell.value, options.defaultCountry) : null;
  if (!phoneCell.value) errors.push({ row: line, column: phoneCell.header, value: "", reason: "Phone number is missing" });
  else if (!phone) errors.push({ row: line, column: phoneCell.header, value: phoneCell.value, reason: "Not a valid phone number" });

  let firstName = values.first_name?.value || null;
  let lastName = values.last_name?.value || null;
  const fullName = values.full_name?.value;
  if (fullName && !firstName && !lastName) {
    const parts = fullName.split(/\s+/);
    firstName = parts[0] ?? null;
    lastName = parts.slice(1).join(" ") || null;
  }
  const emailValue = values.email?.value || null;
  if (emailValue && !email.safeParse(emailValue).success) {
    errors.push({ row: line, column: values.email!.header, value: emailValue, reason: "Not a valid email address" });
  }
  const tzValue = values.timezone?.value || null;
  if (tzValue && !isTimeZone(tzValue)) {
    errors.push({ row: line, column: values.timezone!.header, value: tzValue, reason: "Not an IANA time zone (e.g. America/Chicago)" });
  }
  for (const [field, cell] of Object.entries(values)) {
    if (cell && cell.value.length > MAX_TEXT && field !== "phone_number") {
      errors.push({ row: line, column: cell.header, value: cell.value.slice(0, MAX_TEXT), reason: `Longer than ${MAX_TEXT} characters` });
    }
  }
  if (errors.length || !phone) return { errors };
  const timezone =
    (tzValue && isTimeZone(tzValue) ? tzValue : null) ??
    (await inferTimeZone(phone.e164, options.campaignTimeZone)) ??
    options.campaignTimeZone;
  return {
    lead: {
      phone: phone.e164,
      firstName,
      lastName,
      email: emailValue?.toLowerCase() ?? null,
      company: values.company?.value || null,
      timezone,
      customFields,
    },
  };
}
