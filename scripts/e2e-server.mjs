// Playwright's web server: a production build served by `next start` on a fresh embedded database.
import { rmSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3200";
// E2E_DATA_DIR (with NEXT_DIST_DIR and E2E_PORT) lets a second run go beside another on one machine.
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  DATABASE_URL: "",
  UPSTASH_REDIS_REST_URL: "",
  VOCELIO_DATA_DIR: dataDir,
  PORT: port,
  NEXTAUTH_URL: `http://localhost:${port}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // The demo history is seeded as of this moment, so e2e/campaigns.spec.ts can rebuild it.
  VOCELIO_SEED_NOW: "2026-11-30T15:00:00.000Z",
};

const step = (args) => {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (process.env.E2E_SKIP_BUILD !== "1") step(["node_modules/next/dist/bin/next", "build"]);
step(["scripts/run.mjs", "db:prepare"]);
// Run next start directly (not through npx) so stopping this process stops the server.
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
