// Runs scripts/db.ts with the flags it needs on every supported Node (20.19+): TypeScript through tsx,
// and --experimental-wasm-modules for Prisma's wasm schema engine.
import { spawnSync } from "node:child_process";

const [task, ...rest] = process.argv.slice(2);
const command = task?.startsWith("db:") ? task.slice(3) : task;
const result = spawnSync(
  process.execPath,
  ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx", "scripts/db.ts", command ?? "", ...rest],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
