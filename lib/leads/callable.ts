import "server-only";
// The one definition of "this lead is callable": still to call (pending, or a callback asked for),
// attempts left under the campaign's maximum, and its number not on the organization's do-not-call
// list now (it may have been added after the import). Going live asks it, and the dialer claims leads
// with it, so the rule is written once.
import { Prisma } from "@/lib/generated/prisma/client";
import { dncEntryIsActive } from "@/lib/dnc/active-dnc";

export const CALLABLE_STATUSES = ["pending", "callback"] as const;

/** SQL condition on a leads alias `l`, for queries that select or claim callable leads. */
export function leadIsCallable(maxAttempts: number): Prisma.Sql {
  return Prisma.sql`l.status IN ('pending', 'callback')
    AND l.attempts < ${maxAttempts}
    AND NOT EXISTS (
      SELECT 1 FROM dnc_entries d
      WHERE d.organization_id = l.organization_id AND d.phone = l.phone AND ${dncEntryIsActive("d")})`;
}

/** Whether the campaign has at least one callable lead (stops at the first one found). */
export async function hasCallableLead(db: Pick<Prisma.TransactionClient, "$queryRaw">, campaignId: string, maxAttempts: number): Promise<boolean> {
  const rows = await db.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM leads l WHERE l.campaign_id = ${campaignId} AND ${leadIsCallable(maxAttempts)} LIMIT 1`;
  return rows.length > 0;
}
