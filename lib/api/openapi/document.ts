// The OpenAPI 3.1 document, generated from the operations each domain declares (same zod schemas as
// the routes) plus the envelope, pagination and the error table. Built once per process and cached.
import "zod-openapi";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_CODES, type ErrorCode } from "@/lib/api/errors";
import { API_VERSION } from "@/lib/api/envelope";
import { API_OPERATIONS } from "@/lib/api/openapi/operations";
import type { Operation } from "@/lib/api/openapi/operation";

const meta = z
  .object({ timestamp: z.iso.datetime(), request_id: z.string(), version: z.literal(API_VERSION) })
  .meta({ id: "Meta" });
const errorMeta = z.object({ timestamp: z.iso.datetime(), request_id: z.string() }).meta({ id: "ErrorMeta" });
const pagination = z
  .object({
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    pages: z.number().int(),
    has_next: z.boolean(),
    has_prev: z.boolean(),
    next_cursor: z.string().nullable().optional(),
    total_capped: z.boolean().optional().meta({ description: "Lists that stop counting at a cap (GET /api/calls): true when `total` is that cap, a lower bound" }),
  })
  .meta({ id: "Pagination" });
const fieldError = z
  .object({ field: z.string(), code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]), message: z.string() })
  .meta({ id: "FieldError" });

function errorEnvelope(codes: ErrorCode[]) {
  return z.object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.looseObject({ fields: z.array(fieldError).optional() }),
    }),
    meta: errorMeta,
  });
}

/** Every error code an operation can return: what its auth mode, inputs and method imply, plus its own. */
export function operationErrors(op: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(["SYSTEM_001", "SYSTEM_002", "VALIDATION_002"]);
  const add = (...c: ErrorCode[]) => c.forEach((code) => codes.add(code));
  if (op.auth === "user") add("AUTH_001", "AUTH_002", "AUTH_003", "SERVICE_002");
  if (op.auth === "public" && op.method !== "GET") add("SERVICE_002");
  if (op.auth === "twilio") add("AUTH_003", "REQUEST_002", "REQUEST_003", "VALIDATION_001");
  if (op.auth === "cron") add("AUTH_001", "SERVICE_003");
  if (op.auth === "signed_url") add("AUTH_003");
  if (op.params) add("RESOURCE_001");
  if (op.query || op.params) add("VALIDATION_003");
  if (op.body || op.multipart || op.form) add("VALIDATION_001", "VALIDATION_003", "REQUEST_002", "REQUEST_003");
  if (op.method === "POST" && op.auth !== "twilio" && op.auth !== "cron") add("IDEMPOTENCY_001", "IDEMPOTENCY_002");
  add(...(op.errors ?? []));
  return [...codes].sort();
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  Authentication: "Sign-in, token refresh, sign-out and sign-up.",
  Users: "People of your organization and their roles.",
  "API keys": "Keys for integrations; each acts as its creator, never beyond their role.",
  Campaigns: "Outbound campaigns, their status machine, progress, performance and analytics.",
  Leads: "A campaign's leads and CSV imports.",
  "Do not call": "Numbers that must never be called.",
  Analytics: "The organization's headline figures and trends across campaigns.",
  Voices: "The voice library (built-in voices, ElevenLabs' when configured, your clones) and speech generation.",
  Agents: "AI voice agents: what they say, how they decide (the offline flow engine or an LLM), and test conversations in text.",
  Calls: "Calls placed by an agent through Twilio or the built-in carrier simulator.",
  Telephony: "Provider callbacks (Twilio, or the built-in carrier simulator, which calls them exactly as Twilio does).",
  System: "Health, background jobs, signed object links, the scheduler's tick and this document.",
};

const SUCCESS_DESCRIPTION = { 200: "OK", 201: "Created", 202: "Accepted" } as const;

function successContent(op: Operation) {
  const r = op.response;
  if (r.kind === "raw") return { [r.contentType]: r.schema ? { schema: r.schema } : {} };
  const envelope = z.object({
    success: z.literal(true),
    data: r.list ? (r.listKey ? z.object({ [r.listKey]: z.array(r.schema) }) : z.array(r.schema)) : r.schema,
    ...(r.list ? { pagination } : {}),
    meta,
  });
  return { "application/json": { schema: envelope } };
}

function toOperationObject(op: Operation): ZodOpenApiOperationObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of operationErrors(op)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [String(op.response.status)]: {
      description: op.response.description ?? SUCCESS_DESCRIPTION[op.response.status],
      content: successContent(op),
    },
  };
  if (op.response.kind === "raw" && op.response.ranges) {
    responses["206"] = { description: "Partial Content: the requested byte range (`Range: bytes=…`)", content: successContent(op) };
    responses["416"] = { description: "Range Not Satisfiable: the range starts past the end (see `Content-Range`)" };
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((c) => `${c}: ${ERROR_CODES[c].message}`).join("; "),
      content: { "application/json": { schema: errorEnvelope(codes) } },
    };
  }
  const security: Record<string, string[]>[] = SCHEMES_BY_AUTH[op.auth].map((name) => ({ [name]: [] }));
  const requestBody = op.body
    ? { required: true, content: { "application/json": { schema: op.body, ...(op.example ? { example: op.example } : {}) } } }
    : op.multipart
      ? {
          required: true,
          content: {
            "multipart/form-data": {
              schema: op.multipart.fields.extend({
                [op.multipart.fileField]: z.string().meta({ format: "binary", description: op.multipart.fileDescription }),
              }),
            },
          },
        }
      : op.form
        ? { required: true, content: { "application/x-www-form-urlencoded": { schema: op.form } } }
        : undefined;
  const permission = op.permission ? `\n\nRequires the \`${op.permission}\` permission.` : "";
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `${op.description ?? ""}${permission}`.trim() || undefined,
    tags: [op.tag],
    security,
    requestParams: { ...(op.params ? { path: op.params } : {}), ...(op.query ? { query: op.query as z.ZodObject } : {}) },
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

const SCHEMES_BY_AUTH: Record<Operation["auth"], string[]> = {
  user: ["bearerAuth", "apiKeyHeader"],
  twilio: ["twilioSignature"],
  cron: ["cronSecret", "qstashSignature"],
  public: [],
  signed_url: [],
};

/** Only the security schemes some operation uses (a provider's callbacks arrive with the telephony work). */
function usedSchemes<T>(operations: Operation[], schemes: Record<string, T>): Record<string, T> {
  const used = new Set(operations.flatMap((o) => SCHEMES_BY_AUTH[o.auth]));
  return Object.fromEntries(Object.entries(schemes).filter(([name]) => used.has(name)));
}

export function buildOpenApiDocument(operations: Operation[] = API_OPERATIONS) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    (item as Record<string, ZodOpenApiOperationObject>)[op.method.toLowerCase()] = toOperationObject(op);
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Vocelio API",
        version: "1.0.0",
        license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
        description:
          "The Vocelio AI call center API. Every reply is the JSON envelope `{success, data, meta}` " +
          "(errors: `{success: false, error: {code, message, details}, meta}`), with `X-Request-Id`; authenticated " +
          "replies carry `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`. Any POST may send an " +
          "`Idempotency-Key`. `X-API-Version: v1` is the default and only version.",
      },
      servers: [{ url: "/", description: "This server" }],
      tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
      paths,
      components: {
        securitySchemes: usedSchemes(operations, {
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT or API key",
            description: "An access token from POST /api/auth/login, or an API key (`vk_…`) as the bearer token.",
          },
          apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key", description: "An API key (`vk_…`)." },
          twilioSignature: { type: "apiKey", in: "header", name: "X-Twilio-Signature", description: "Twilio's request signature over the public URL." },
          cronSecret: { type: "http", scheme: "bearer", description: "Vercel Cron's `CRON_SECRET`." },
          qstashSignature: { type: "apiKey", in: "header", name: "Upstash-Signature", description: "An Upstash QStash signature." },
        }),
      },
    },
    { reused: "inline" },
  );
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: { document: OpenApiDocument; bytes: Buffer } | undefined;

/** The document and its JSON bytes, built on first use and then kept. */
export function openApiDocument() {
  if (!cached) {
    const document = buildOpenApiDocument();
    cached = { document, bytes: Buffer.from(JSON.stringify(document)) };
  }
  return cached;
}
