import type { LeadField, LeadStatus } from "@/lib/client/types";

export const LEAD_FIELDS: readonly { value: LeadField; label: string }[] = [
  { value: "phone_number", label: "Phone number" },
  { value: "first_name", label: "First name" },
  { value: "last_name", label: "Last name" },
  { value: "full_name", label: "Full name" },
  { value: "email", label: "Email" },
  { value: "company", label: "Company" },
  { value: "timezone", label: "Time zone" },
];

export const LEAD_STATUSES: readonly { value: LeadStatus; label: string }[] = [
  { value: "pending", label: "Pending" },
  { value: "contacted", label: "Contacted" },
  { value: "callback", label: "Callback" },
  { value: "converted", label: "Converted" },
  { value: "not_interested", label: "Not interested" },
  { value: "do_not_call", label: "Do not call" },
];

// Header names compared with case, spaces and punctuation removed ("E-mail" → "email").
const GUESSES: Record<string, LeadField> = {
  phone: "phone_number",
  phonenumber: "phone_number",
  mobile: "phone_number",
  cell: "phone_number",
  telephone: "phone_number",
  first: "first_name",
  firstname: "first_name",
  last: "last_name",
  lastname: "last_name",
  surname: "last_name",
  name: "full_name",
  fullname: "full_name",
  email: "email",
  company: "company",
  organization: "company",
  timezone: "timezone",
  tz: "timezone",
};

function normalise(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * A first mapping from header names: each lead field goes to the first column whose name matches it;
 * every other column is kept as a custom field (absent from the mapping).
 */
export function guessMapping(headers: readonly string[]): Record<string, LeadField> {
  const mapping: Record<string, LeadField> = {};
  const taken = new Set<LeadField>();
  for (const header of headers) {
    const field = GUESSES[normalise(header)];
    if (field && !taken.has(field) && !(header in mapping)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}
