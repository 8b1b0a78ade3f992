// Three tiers in one run (see README "Tests"):
//   unit                 pure tests beside the code (*.test.ts)
//   integration:pglite   route handlers in-process against a migrated PGlite cloned per test file
//   integration:postgres the same files against real Postgres, when DATABASE_URL is set
//   redis                the real @upstash/ratelimit path against real Redis, when REDIS_URL is set
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const shared = {
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Next's guard against importing server code into client bundles; meaningless in tests.
      { find: /^server-only$/, replacement: `${root}lib/testing/server-only.ts` },
    ],
  },
};
const env = {
  LOG_LEVEL: "silent",
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  VOCELIO_DATA_DIR: `${root}.data/test`,
};
// Prisma's wasm schema engine is an ES module importing .wasm: Node 20 needs the flag in each worker.
const pool = { pool: "forks" as const, execArgv: ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning"] };

const integration = (name: "pglite" | "postgres") => ({
  ...shared,
  test: {
    name: `integration:${name}`,
    include: ["**/*.int.test.ts"],
    exclude: ["node_modules/**", ".next/**"],
    globalSetup: [`${root}lib/testing/global-setup.ts`],
    setupFiles: [`${root}lib/testing/setup-database.ts`],
    env: { ...env, TEST_DATABASE: name, ...(name === "pglite" ? { DATABASE_URL: "" } : {}) },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...pool,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", ".next/**", "**/*.int.test.ts", "**/*.redis.test.ts", "e2e/**"],
          env,
          ...pool,
        },
      },
      integration("pglite"),
      ...(process.env.DATABASE_URL ? [integration("postgres")] : []),
      ...(process.env.REDIS_URL
        ? [{ ...shared, test: { name: "redis", include: ["**/*.redis.test.ts"], env, testTimeout: 30_000, ...pool } }]
        : []),
    ],
  },
});
