import "server-only";
// The one definition of "on the do-not-call list": an entry of the organization for that E.164
// number that has not expired. Everything that asks (the check endpoint, the leads list, going live)
// goes through here, so the rule is written once.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";

/** Prisma filter for the active entries of these numbers. */
export function activeDncWhere(organizationId: string, phones: readonly string[], now: Date = new Date()): Prisma.DncEntryWhereInput {
  return {
    organizationId,
    phone: { in: [...new Set(phones)] },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}

/** The active entries for these numbers, in one query (callers pass a page of numbers, not a table). */
export async function findActiveDncEntries(prisma: Pick<Db, "dncEntry"> | Prisma.TransactionClient, organizationId: string, phones: readonly string[]) {
  if (phones.length === 0) return [];
  return prisma.dncEntry.findMany({ where: activeDncWhere(organizationId, phones) });
}

/**
 * The same rule as a SQL condition on a dnc_entries alias, for queries that join it
 * (e.g. `NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE … AND ${dncEntryIsActive("d")})`).
 */
export function dncEntryIsActive(alias: "d"): Prisma.Sql {
  return Prisma.sql`(${Prisma.raw(alias)}.expires_at IS NULL OR ${Prisma.raw(alias)}.expires_at > now())`;
}
