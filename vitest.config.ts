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

const integration = (name: "pglite" | "postgres", project = `integration:${name}`, include = ["**/*.int.test.ts"]) => ({
  ...shared,
  test: {
    name: project,
    include,
    exclude: ["node_modules/**", ".next/**"],
    globalSetup: [`${root}lib/testing/global-setup.ts`],
    setupFiles: [`${root}lib/testing/setup-database.ts`],
    env: { ...env, TEST_DATABASE: name, ...(name === "pglite" ? { DATABASE_URL: "" } : {}) },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...pool,
  },
});

// Optional tiers need outside services; say so rather than leave them out silently.
for (const [variable, tier] of [
  ["DATABASE_URL", "integration:postgres (the integration suite against Postgres)"],
  ["REDIS_URL", "redis (the real Upstash rate-limit path against Redis)"],
] as const) {
  if (!process.env[variable]) console.warn(`[vitest] ${variable} is not set: ${tier} is not part of this run. CI sets it.`);
}

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
      ...(process.env.REDIS_URL ? [integration("pglite", "redis", ["**/*.redis.test.ts"])] : []),
    ],
  },
});
