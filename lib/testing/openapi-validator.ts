// Every reply the integration tests receive is checked against the OpenAPI document's schema for that
// operation and status (JSON Schema 2020-12, as OpenAPI 3.1 uses), so the document cannot drift from
// what the routes really send. Paths the document does not know (routes made up inside a test) are
// not checked.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi/document";

type Doc = ReturnType<typeof openApiDocument>["document"];
type Template = { path: string; pattern: RegExp; params: number };

let state: { doc: Doc; ajv: Ajv2020; templates: Template[]; compiled: Map<string, ValidateFunction> } | undefined;

function setup() {
  if (state) return state;
  const doc = openApiDocument().document;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...(doc as object), $id: "openapi" });
  const templates = Object.keys(doc.paths ?? {})
    .map((path) => {
      const params = (path.match(/\{[^}]+\}/g) ?? []).length;
      // A storage key may hold '/', every other parameter is one segment.
      const source = path.replace(/[.]/g, "\\.").replace(/\{key\}/g, ".+").replace(/\{[^}]+\}/g, "[^/]+");
      return { path, pattern: new RegExp(`^${source}$`), params };
    })
    // A literal segment wins over a parameter (/api/users/me before /api/users/{user_id}).
    .sort((a, b) => a.params - b.params);
  state = { doc, ajv, templates, compiled: new Map() };
  return state;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** Throws when a reply to a documented operation is not what the document says. */
export function assertMatchesDocument(method: string, pathname: string, status: number, contentType: string | null, text: string): void {
  const { doc, ajv, templates, compiled } = setup();
  const template = templates.find((t) => t.pattern.test(pathname));
  if (!template) return;
  const operation = (doc.paths?.[template.path] as Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }> | undefined)?.[method.toLowerCase()];
  // A method the path does not have is the wrapper's enveloped 405, the same everywhere.
  if (!operation) return;
  const response = operation.responses?.[String(status)];
  if (!response) throw new Error(`OpenAPI: ${method} ${template.path} is not documented to answer ${status}: ${text.slice(0, 300)}`);
  if (!contentType?.includes("application/json")) return;
  const json = "application/json" in (response.content ?? {}) ? "application/json" : Object.keys(response.content ?? {}).find((k) => k.startsWith("application/json"));
  if (!json) throw new Error(`OpenAPI: ${method} ${template.path} ${status} is not documented as JSON`);
  const ref = `openapi#/${pointer("paths", template.path, method.toLowerCase(), "responses", String(status), "content", json, "schema")}`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`OpenAPI: no schema at ${ref}`);
    compiled.set(ref, validate);
  }
  const body: unknown = JSON.parse(text);
  if (!validate(body)) {
    const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
    throw new Error(`OpenAPI: ${method} ${template.path} ${status} does not match the document:\n  ${problems.join("\n  ")}\nbody: ${text.slice(0, 500)}`);
  }
}
