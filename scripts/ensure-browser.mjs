// The e2e browser: a system Chromium when present (CHROMIUM_PATH, else /usr/bin/chromium); otherwise
// Playwright's own, installed here when missing (the normal path on a laptop with internet access).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { chromium } from "@playwright/test";

const system = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
if (system) {
  if (!existsSync(system)) {
    console.error(`CHROMIUM_PATH points at ${system}, which does not exist.`);
    process.exit(1);
  }
  process.exit(0);
}
if (existsSync(chromium.executablePath())) process.exit(0);
console.log("Installing Playwright's Chromium (one time)…");
const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { stdio: "inherit" });
process.exit(result.status ?? 1);
