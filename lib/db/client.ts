// The one Prisma module: Postgres through @prisma/adapter-pg when DATABASE_URL is set, otherwise the
// embedded PGlite in .data/pglite. Cached on globalThis so dev reloads and route modules share it.
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfig, type DatabaseConfig } from "@/lib/db/config";

export type Db = PrismaClient;

type Holder = { prisma: PrismaClient; close: () => Promise<void> };
const g = globalThis as typeof globalThis & { __vocelioDb?: Holder | Promise<Holder> };

export async function openDatabase(config: DatabaseConfig = databaseConfig()): Promise<Holder> {
  if (config.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
    return { prisma, close: () => prisma.$disconnect() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const pglite = await PGlite.create(config.dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** The shared client. Tests install their own with `installDatabase` before any route runs. */
export async function db(): Promise<PrismaClient> {
  if (!g.__vocelioDb) g.__vocelioDb = openDatabase();
  const holder = await g.__vocelioDb;
  g.__vocelioDb = holder;
  return holder.prisma;
}

export function installDatabase(holder: Holder): void {
  g.__vocelioDb = holder;
}

export async function closeDatabase(): Promise<void> {
  const holder = await g.__vocelioDb;
  g.__vocelioDb = undefined;
  await holder?.close();
}
