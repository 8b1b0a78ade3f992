// Before each integration test file: its own database cloned from the run's template, installed as
// the app's client, so files never see each other's rows and can run in parallel.
import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { installDatabase, closeDatabase } from "@/lib/db/client";
import { setRateLimitStore } from "@/lib/rate-limit/provider";
import { withDatabase } from "@/lib/testing/global-setup";

setRateLimitStore(undefined);

if (process.env.TEST_DATABASE === "postgres") {
  const url = process.env.DATABASE_URL!;
  const { default: pg } = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const name = `vocelio_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
  const { pgBulkSql } = await import("@/lib/db/bulk-sql");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: withDatabase(url, name) }) });
  const bulk = pgBulkSql(new pg.Pool({ connectionString: withDatabase(url, name), max: 2 }));
  installDatabase({
    prisma,
    bulk,
    close: async () => {
      await prisma.$disconnect();
      await bulk.close();
    },
  });
  afterAll(async () => {
    await closeDatabase();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
} else {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const dump = new Blob([await readFile(inject("pgliteTemplate"))]);
  const pglite = await PGlite.create({ loadDataDir: dump });
  const { pgliteBulkSql } = await import("@/lib/db/bulk-sql");
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  installDatabase({
    prisma,
    bulk: pgliteBulkSql(pglite),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  });
  afterAll(() => closeDatabase());
}
