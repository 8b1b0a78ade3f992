// Every route file × method that does something is an operation of the OpenAPI document, and every
// operation has its route: an undocumented endpoint fails CI.
import { describe, expect, it } from "vitest";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isMethodNotAllowed } from "@/lib/api/handler";
import { API_OPERATIONS } from "@/lib/api/openapi/operations";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";

const API_DIR = path.resolve(__dirname, "../../../app/api");
// Routes that are not operations of this API, and why.
const NOT_OPERATIONS: Record<string, string> = {
  "/api/[[...path]]": "the enveloped 404 for unknown /api paths",
  "/api/auth/[...nextauth]": "next-auth's own endpoints for the dashboard's sign-in (session, csrf, callback)",
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/campaigns/[campaign_id]/route.ts → /api/campaigns/{campaign_id}; a catch-all [...key] → {key}. */
function templateOf(file: string): string {
  const dir = path.relative(path.dirname(API_DIR), path.dirname(file)).split(path.sep).join("/");
  return `/${dir}`.replace(/\[\.\.\.(\w+)\]/g, "{$1}").replace(/\[(\w+)\]/g, "{$1}");
}

describe("the OpenAPI document", () => {
  it("documents every route file × method, and nothing that has no route", async () => {
    const implemented: string[] = [];
    for (const file of routeFiles(API_DIR)) {
      const raw = `/${path.relative(path.dirname(API_DIR), path.dirname(file)).split(path.sep).join("/")}`;
      if (raw in NOT_OPERATIONS) continue;
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof mod[method] === "function" && !isMethodNotAllowed(mod[method])) implemented.push(`${method} ${templateOf(file)}`);
      }
    }
    const documented = API_OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...implemented].sort());
  });

  it("has unique operation ids and builds", () => {
    const ids = API_OPERATIONS.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components?.securitySchemes ?? {})).toEqual(expect.arrayContaining(["bearerAuth", "apiKeyHeader"]));
  });
});
