// Migrations through Prisma's wasm schema engine: the same `prisma/migrations/<name>/migration.sql`
// layout and `_prisma_migrations` bookkeeping as `prisma migrate deploy`, without a native binary.
// Node 20 needs --experimental-wasm-modules to import the engine (scripts/run.mjs and vitest pass it).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { splitSqlStatements } from "@/lib/db/sql-statements";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");

type Engine = SchemaEngine;

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  executeRaw(query: { sql: string; args: unknown[]; argTypes: never[] }): Promise<number>;
};

/** Runs migration scripts statement by statement with a splitter that respects $$ bodies, quotes and
 *  comments (adapter-pg's own executeScript splits on every ";"). */
function wholeStatements<T extends object>(adapter: T): T {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "executeScript") {
        return async (script: string) => {
          for (const sql of splitSqlStatements(script)) await (target as unknown as ScriptRunner).executeRaw({ sql, args: [], argTypes: [] });
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function withWholeStatements(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if ((property === "connect" || property === "connectToShadowDb") && typeof value === "function") {
        return async (...args: unknown[]) => wholeStatements(await value.apply(target, args));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory | object): Promise<Engine> {
  const { SchemaEngine } = await import("@prisma/schema-engine-wasm");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const bound = bindMigrationAwareSqlAdapterFactory(withWholeStatements(factory as SqlMigrationAwareDriverAdapterFactory));
  const log = () => {};
  return SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, bound);
}

async function migrationsList() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const file = path.join(MIGRATIONS_DIR, dir, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: dir, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function applyMigrations(factory: object): Promise<string[]> {
  const engine = await openEngine(factory);
  try {
    const out = await engine.applyMigrations({ migrationsList: await migrationsList(), filters: noFilter });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that takes the migration history to the current schema (empty string when nothing changed). */
export async function diffSchemaAgainstMigrations(shadowFactory: object): Promise<string> {
  const engine = await openEngine(shadowFactory);
  try {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const list = await migrationsList();
    const from = list.migrationDirectories.length
      ? ({ tag: "migrations", ...list } as const)
      : ({ tag: "empty" } as const);
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = result.stdout ?? "";
    return /^\s*(--.*\n?)*\s*$/.test(sql) || sql.includes("This is an empty migration") ? "" : sql;
  } finally {
    engine.free();
  }
}
