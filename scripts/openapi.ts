// Writes the OpenAPI document (the same one GET /api/openapi.json serves) to a file for tools that
// want it on disk (`npm run openapi -- out.json`); with --lint, checks it with Redocly's validator
// (`npm run lint:openapi`, part of `npm run lint`), telemetry off so it sends nothing anywhere.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";

const lint = process.argv.includes("--lint");
const out = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? (lint ? ".data/openapi.json" : "openapi.json");
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`OpenAPI document written to ${out}`);
if (lint) {
  const redocly = path.join("node_modules", ".bin", process.platform === "win32" ? "redocly.cmd" : "redocly");
  const result = spawnSync(redocly, ["lint", "--format=stylish", out], { stdio: "inherit", env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
  process.exit(result.status ?? 1);
}
