import { guessField } from "@/lib/leads/resolve-mapping";
import type { LeadField, LeadStatus } from "@/lib/client/types";

export const LEAD_FIELD_OPTIONS: readonly { value: LeadField; label: string }[] = [
  { value: "phone_number", label: "Phone number" },
  { value: "first_name", label: "First name" },
  { value: "last_name", label: "Last name" },
  { value: "full_name", label: "Full name" },
  { value: "email", label: "Email" },
  { value: "company", label: "Company" },
  { value: "timezone", label: "Time zone" },
];

export const LEAD_STATUS_OPTIONS: readonly { value: LeadStatus; label: string }[] = [
  { value: "pending", label: "Pending" },
  { value: "contacted", label: "Contacted" },
  { value: "callback", label: "Callback" },
  { value: "converted", label: "Converted" },
  { value: "not_interested", label: "Not interested" },
  { value: "do_not_call", label: "Do not call" },
];

/**
 * A first mapping from header names, with the server's own matcher (the one it uses when no mapping
 * is sent): each lead field goes to the first matching column; other columns stay custom fields.
 */
export function guessMapping(headers: readonly string[]): Record<string, LeadField> {
  const mapping: Record<string, LeadField> = {};
  const taken = new Set<LeadField>();
  for (const header of headers) {
    const field = guessField(header);
    if (field && !taken.has(field) && !(header in mapping)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}
