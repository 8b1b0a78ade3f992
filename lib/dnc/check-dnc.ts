import "server-only";
// Whether numbers may be called: impossible numbers and listed (unexpired) numbers may not.
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { normalizePhone } from "@/lib/phone/phone";
import type { CheckDncInput } from "@/lib/dnc/schemas";
import { findActiveDncEntries } from "@/lib/dnc/active-dnc";

export async function checkDnc(ctx: AuthContext, input: CheckDncInput) {
  const country = input.default_country ?? ctx.organization.defaultCountry;
  const normalized = input.phone_numbers.map((raw) => ({ raw, phone: normalizePhone(raw, country) }));
  const e164s = [...new Set(normalized.flatMap((n) => (n.phone ? [n.phone] : [])))];
  const listed = await findActiveDncEntries(await db(), ctx.organization.id, e164s);
  const byPhone = new Map(listed.map((e) => [e.phone, e]));
  return {
    results: normalized.map(({ raw, phone }) => {
      if (!phone) return { phone_number: raw, e164: null, can_call: false, reason: "invalid_number" };
      const entry = byPhone.get(phone);
      return entry
        ? { phone_number: raw, e164: phone, can_call: false, reason: "do_not_call", dnc_id: entry.id, source: entry.source }
        : { phone_number: raw, e164: phone, can_call: true, reason: null };
    }),
  };
}
