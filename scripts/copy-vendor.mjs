// Copies browser assets the app serves itself (no CDN, so they work offline) from node_modules into
// public/vendor on install: the Scalar API reference renderer behind /docs.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";

// The file is not in the package's exports map, so it is read from node_modules directly.
const assets = [{ from: path.join("node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js"), to: "public/vendor/scalar/standalone.js" }];
for (const { from, to } of assets) {
  if (!existsSync(from)) {
    console.warn(`copy-vendor: ${from} is missing; /docs will not render`);
    continue;
  }
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}
