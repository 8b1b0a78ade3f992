// Runs `prisma generate` on install. The CLI wants a native schema-engine binary it cannot download
// here; generate never uses it, so point the variable at any existing file unless one is configured.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
