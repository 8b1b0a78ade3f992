// Which CSV column feeds which lead field. An explicit mapping reads CSV column → lead field (the
// spec's direction); without one, headers are matched by common names. Unmapped columns become
// custom fields. Problems here are file-level: the upload is refused before anything is written.
import { ApiError } from "@/lib/api/errors";
import type { FieldError } from "@/lib/api/validation";
import type { LeadField } from "@/lib/leads/schemas";

export type ColumnPlan = { index: number; header: string; field: LeadField | null };

const ALIASES: Record<LeadField, string[]> = {
  phone_number: ["phone", "phonenumber", "phoneno", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "telephone", "tel", "number", "contactnumber"],
  first_name: ["firstname", "first", "givenname", "fname", "forename"],
  last_name: ["lastname", "last", "surname", "familyname", "lname"],
  full_name: ["name", "fullname", "contactname", "contact"],
  email: ["email", "emailaddress", "mail", "email1"],
  company: ["company", "companyname", "organization", "organisation", "business", "account", "employer"],
  timezone: ["timezone", "tz", "zone"],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

export function guessField(header: string): LeadField | null {
  const key = normalise(header);
  for (const [field, names] of Object.entries(ALIASES) as [LeadField, string[]][]) if (names.includes(key)) return field;
  return null;
}

export function resolveMapping(header: string[], mapping: Record<string, LeadField> | undefined): ColumnPlan[] {
  const problems: FieldError[] = [];
  // Header names become custom-field keys in JSON, which Postgres refuses when they hold NUL.
  if (header.some((h) => h.includes("\u0000"))) {
    throw new ApiError("VALIDATION_002", "file: The header row contains a NUL character", {
      fields: [{ field: "file", code: "VALIDATION_002", message: "The header row contains a NUL character" }],
    });
  }
  const plan: ColumnPlan[] = header.map((h, index) => ({ index, header: h, field: null }));
  if (mapping) {
    for (const [column, field] of Object.entries(mapping)) {
      const col = plan.find((p) => p.header === column) ?? plan.find((p) => p.header.toLowerCase() === column.trim().toLowerCase());
      if (!col) problems.push({ field: `mapping.${column}`, code: "VALIDATION_002", message: `The file has no column "${column}"` });
      else col.field = field;
    }
  } else {
    const taken = new Set<LeadField>();
    for (const col of plan) {
      const field = guessField(col.header);
      if (field && !taken.has(field)) {
        col.field = field;
        taken.add(field);
      }
    }
  }
  const targets = plan.flatMap((p) => (p.field ? [p.field] : []));
  for (const field of new Set(targets)) {
    if (targets.filter((t) => t === field).length > 1) {
      problems.push({ field: "mapping", code: "VALIDATION_002", message: `More than one column maps to ${field}` });
    }
  }
  if (!targets.includes("phone_number") && problems.length === 0) {
    problems.push({
      field: "mapping.phone_number",
      code: "VALIDATION_001",
      message: mapping ? "No column is mapped to phone_number" : `No phone column found among: ${header.join(", ")}`,
    });
  }
  if (problems.length) {
    const code = problems.some((p) => p.code === "VALIDATION_001") ? "VALIDATION_001" : "VALIDATION_002";
    throw new ApiError(code, problems[0]!.message, { fields: problems });
  }
  return plan;
}
