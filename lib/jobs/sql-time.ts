import "server-only";
// Job times are computed in JS (so the runner's clock can be injected in tests) and written as UTC,
// which is how Prisma stores DateTime in `timestamp(3)` columns, whatever the session's time zone.
import { Prisma } from "@/lib/generated/prisma/client";

export const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
