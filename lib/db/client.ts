// The one Prisma module: Postgres through @prisma/adapter-pg when DATABASE_URL is set, otherwise the
// embedded PGlite in .data/pglite. Cached on globalThis so dev reloads and route modules share it.
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfig, type DatabaseConfig } from "@/lib/db/config";
import { pgBulkSql, pgliteBulkSql, type BulkSql } from "@/lib/db/bulk-sql";

export type Db = PrismaClient;

export type Holder = { prisma: PrismaClient; bulk: BulkSql; close: () => Promise<void> };
const g = globalThis as typeof globalThis & { __vocelioDb?: Holder | Promise<Holder> };

// A burst of provider callbacks (a hundred calls ringing at once) queues for connections for a moment:
// a transaction waits up to 10 s for one rather than failing after Prisma's default 2 s — a failed
// status callback is not retried by Twilio.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** Connections per instance (DATABASE_POOL_SIZE, default 10: pg's default; keep it small on serverless). */
function poolSize(): number {
  const raw = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(raw) && raw > 0 ? raw : 10;
}

export async function openDatabase(config: DatabaseConfig = databaseConfig()): Promise<Holder> {
  if (config.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { default: pg } = await import("pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url, max: poolSize() }), transactionOptions: TRANSACTION_OPTIONS });
    const bulk = pgBulkSql(new pg.Pool({ connectionString: config.url, max: 2 }));
    return {
      prisma,
      bulk,
      close: async () => {
        await prisma.$disconnect();
        await bulk.close();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const pglite = await PGlite.create(config.dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    bulk: pgliteBulkSql(pglite),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function holder(): Promise<Holder> {
  if (!g.__vocelioDb) g.__vocelioDb = openDatabase();
  const opened = await g.__vocelioDb;
  g.__vocelioDb = opened;
  return opened;
}

/** The shared client. Tests install their own with `installDatabase` before any route runs. */
export async function db(): Promise<PrismaClient> {
  return (await holder()).prisma;
}

/** The same database for bulk writes (lib/db/bulk-sql.ts). */
export async function bulkSql(): Promise<BulkSql> {
  return (await holder()).bulk;
}

export function installDatabase(holder: Holder): void {
  g.__vocelioDb = holder;
}

export async function closeDatabase(): Promise<void> {
  const holder = await g.__vocelioDb;
  g.__vocelioDb = undefined;
  await holder?.close();
}
