import "server-only";
// The one wrapper every /api route uses: request id, API version, authentication, rate limits,
// permission, zod validation of params/query/body, Idempotency-Key, the envelope, error mapping and
// a structured log line. Route files declare; services decide; this file only glues them.
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { errorResponse, jsonResponse, successBody } from "@/lib/api/envelope";
import { requestIdFrom } from "@/lib/api/request-id";
import { parseOrThrow } from "@/lib/api/validation";
import { Page } from "@/lib/api/pagination";
import { toApiError } from "@/lib/api/map-error";
import { readJsonBody, DEFAULT_MAX_BODY_BYTES } from "@/lib/api/body";
import { readMultipart, type MultipartSpec, type UploadedFile } from "@/lib/api/multipart";
import { rm } from "node:fs/promises";
import { claimIdempotencyKey, requestHash, validIdempotencyKey, type IdempotencyScope } from "@/lib/api/idempotency";
import { checkOrigin } from "@/lib/api/origin";
import { isNonJsonReply, nonJsonResponse } from "@/lib/api/replies";
import { log } from "@/lib/api/log";
import { enforcePublicQuota, enforceQuota, quotaHeadersIfAuthenticated } from "@/lib/api/quota";
import { assertJsonDepth, assertNoNul } from "@/lib/api/input-guards";
import { verifyCronRequest, verifyTwilioRequest } from "@/lib/api/machine-auth";
import { authenticate } from "@/lib/auth/authenticate";
import type { Actor, AuthContext } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";

/** A non-200 success (201 Created, 202 Accepted) with optional headers. */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly data: T,
    readonly headers: Record<string, string> = {},
  ) {}
}
export const created = <T>(data: T) => new Reply(201, data);
export const accepted = <T>(data: T) => new Reply(202, data);

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

type Schemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params?: P;
  /** Query parameters; a key sent twice arrives as an array (see queryList in lib/api/validation.ts). */
  query?: Q;
  /** A JSON body, or with `multipart` the schema of the form's text fields. */
  body?: B;
  maxBodyBytes?: number;
  /** multipart/form-data with one streamed file; the handler gets `file` and owns the temp file. */
  multipart?: MultipartSpec;
  /** The reply carries credentials. `true`: Idempotency-Key is not applied at all (sign-in, refresh —
   *  retrying them is safe). A list of `data` fields (a new API key, sign-up's tokens): those fields are
   *  removed from the stored reply, so a replay confirms what was done but never hands out the secret. */
  credentials?: true | readonly string[];
};
type Inputs<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  file: UploadedFile | null;
  request: Request;
  requestId: string;
};

type PublicConfig<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Schemas<P, Q, B> & {
  auth: "public";
};
type PrivateConfig<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Schemas<P, Q, B> & {
  auth?: "required";
  /** The permission this operation needs; omit only for "any signed-in user" (e.g. /users/me). */
  permission?: Permission;
};
/** A telephony provider's callback: X-Twilio-Signature over the public URL, form body parsed by `form`. */
type TwilioConfig<P extends z.ZodType, Q extends z.ZodType, F extends z.ZodType> = {
  auth: "twilio";
  params?: P;
  query?: Q;
  form: F;
};
/** The scheduler (Vercel Cron, QStash): its secret or signature, no user. */
type CronConfig<Q extends z.ZodType> = { auth: "cron"; query?: Q };

type ProviderActor = Extract<Actor, { kind: "system" }>;
type AnyConfig =
  | PublicConfig<z.ZodType, z.ZodType, z.ZodType>
  | PrivateConfig<z.ZodType, z.ZodType, z.ZodType>
  | TwilioConfig<z.ZodType, z.ZodType, z.ZodType>
  | CronConfig<z.ZodType>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function versionCheck(request: Request) {
  const version = request.headers.get("x-api-version");
  if (version !== null && version.trim() !== "v1") {
    throw new ApiError("VALIDATION_002", `Unsupported X-API-Version "${version}"; the only version is v1`, {
      fields: [{ field: "X-API-Version", code: "VALIDATION_002", message: "Must be v1" }],
    });
  }
}

function parseJson(raw: string): unknown {
  assertJsonDepth(raw);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError("VALIDATION_002", "Request body is not valid JSON", {
      fields: [{ field: "body", code: "VALIDATION_002", message: "Malformed JSON" }],
    });
  }
}

/** Query parameters as an object: a key sent once is a string, a key sent twice or more an array, so a
 *  schema that wants one value refuses the repetition instead of silently taking the last one. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

function parseInput<S extends z.ZodType>(schema: S | undefined, value: unknown, where: "params" | "query" | "body"): unknown {
  assertNoNul(value, where);
  return schema ? parseOrThrow(schema, value, where) : where === "body" ? value : {};
}

async function toResponse(requestId: string, result: unknown, headers: Record<string, string>, request: Request): Promise<Response> {
  if (isNonJsonReply(result)) return nonJsonResponse(result, request, headers);
  if (result instanceof Page) return jsonResponse(successBody(requestId, result.data(), result.pagination()), 200, headers);
  if (result instanceof Reply) {
    return jsonResponse(successBody(requestId, result.data), result.status, { ...headers, ...result.headers });
  }
  return jsonResponse(successBody(requestId, result), 200, headers);
}

/** A client that went away mid-request: nothing to answer, and not a server error. */
function clientAborted(request: Request, error: unknown): boolean {
  if (request.signal.aborted) return true;
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  return e?.code === "ECONNRESET" || e?.code === "ERR_STREAM_PREMATURE_CLOSE" || (e?.name === "AbortError" && !(error instanceof ApiError)) || e?.message === "aborted";
}

export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  config: PublicConfig<P, Q, B>,
  handler: (input: Inputs<P, Q, B>) => Promise<unknown>,
): RouteHandler;
export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  config: PrivateConfig<P, Q, B>,
  handler: (input: Inputs<P, Q, B> & { ctx: AuthContext }) => Promise<unknown>,
): RouteHandler;
export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, F extends z.ZodType = z.ZodType>(
  config: TwilioConfig<P, Q, F>,
  handler: (input: {
    params: z.output<P>;
    query: z.output<Q>;
    form: z.output<F>;
    /** Every parameter the provider sent, as signed (for fields the schema does not name). */
    raw: Record<string, string>;
    actor: ProviderActor;
    request: Request;
    requestId: string;
  }) => Promise<unknown>,
): RouteHandler;
export function route<Q extends z.ZodType = z.ZodType>(
  config: CronConfig<Q>,
  handler: (input: { query: z.output<Q>; actor: ProviderActor; request: Request; requestId: string }) => Promise<unknown>,
): RouteHandler;
export function route(config: AnyConfig, handler: (input: never) => Promise<unknown>): RouteHandler {
  const call = handler as (input: Record<string, unknown>) => Promise<unknown>;
  return async (request, context) => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const url = new URL(request.url);
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    let ctx: AuthContext | undefined;
    let upload: UploadedFile | null = null;
    let response: Response;
    let aborted = false;
    try {
      versionCheck(request);
      if (config.auth === "twilio") {
        const raw = await verifyTwilioRequest(request);
        const params = parseInput(config.params, await context.params, "params");
        const query = parseInput(config.query, queryObject(url), "query");
        assertNoNul(raw, "body");
        const form = parseOrThrow(config.form, raw, "body");
        const actor: ProviderActor = { kind: "system", id: "twilio" };
        response = await toResponse(requestId, await call({ params, query, form, raw, actor, request, requestId }), headers, request);
      } else if (config.auth === "cron") {
        await verifyCronRequest(request);
        const query = parseInput(config.query, queryObject(url), "query");
        const actor: ProviderActor = { kind: "system", id: "cron" };
        response = await toResponse(requestId, await call({ query, actor, request, requestId }), headers, request);
      } else {
        response = await runUserRoute(config, call, request, context, url, requestId, headers, (c) => (ctx = c), (u) => (upload = u));
      }
    } catch (error) {
      aborted = clientAborted(request, error);
      response = errorResponse(requestId, aborted ? new ApiError("VALIDATION_002", "The client closed the request") : toApiError(error, requestId), headers);
    }
    // A handler that keeps an upload moves it away first; anything left here is discarded.
    const leftover = upload as UploadedFile | null;
    if (leftover) await rm(leftover.path, { force: true });
    log(aborted ? "warn" : "info", aborted ? "client_aborted" : "request", {
      request_id: requestId,
      org: ctx?.organization.id ?? null,
      method: request.method,
      route: url.pathname,
      status: aborted ? 499 : response.status,
      duration_ms: Math.round(performance.now() - started),
    });
    return response;
  };
}

/** The envelope's `data` without the named secret fields, for storing. */
function redact(text: string, fields: readonly string[] | undefined): string {
  if (!fields?.length) return text;
  const body = JSON.parse(text) as { data?: Record<string, unknown> };
  if (body.data && typeof body.data === "object") for (const field of fields) delete body.data[field];
  return JSON.stringify(body);
}

/** Public and signed-in routes: quota, permission, params/query/body, Idempotency-Key. */
async function runUserRoute(
  config: PublicConfig<z.ZodType, z.ZodType, z.ZodType> | PrivateConfig<z.ZodType, z.ZodType, z.ZodType>,
  call: (input: Record<string, unknown>) => Promise<unknown>,
  request: Request,
  context: RouteContext,
  url: URL,
  requestId: string,
  headers: Record<string, string>,
  setCtx: (ctx: AuthContext) => void,
  setUpload: (file: UploadedFile | null) => void,
): Promise<Response> {
  let ctx: AuthContext | undefined;
  if (config.auth === "public") {
    if (!SAFE_METHODS.has(request.method)) await enforcePublicQuota(request.headers);
  } else {
    ctx = { ...(await authenticate(request)), requestId };
    setCtx(ctx);
    Object.assign(headers, await enforceQuota(ctx));
    if (ctx.via === "session_cookie" && !SAFE_METHODS.has(request.method)) checkOrigin(request);
    const permission = config.permission;
    if (permission && !ctx.permissions.has(permission)) {
      throw new ApiError("AUTH_003", `This action needs the "${permission}" permission`, { required: permission });
    }
  }
  const params = parseInput(config.params, await context.params, "params");
  const query = parseInput(config.query, queryObject(url), "query");
  let json: unknown = undefined;
  let body: unknown = undefined;
  let file: UploadedFile | null = null;
  if (config.multipart) {
    const form = await readMultipart(request, config.multipart);
    file = form.file;
    setUpload(file);
    if (file) assertNoNul({ [config.multipart.fileField]: file.filename }, "body");
    // What identifies the request for Idempotency-Key: the fields and the file's content.
    json = { fields: form.fields, file_sha256: form.file?.sha256 ?? null };
    body = parseInput(config.body, form.fields, "body");
  } else if (config.body) {
    const raw = await readJsonBody(request, config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    json = raw === "" ? undefined : parseJson(raw);
    body = parseInput(config.body, json, "body");
  }
  const run = async () => toResponse(requestId, await call({ params, query, body, file, request, requestId, ctx }), headers, request);

  const key = request.headers.get("idempotency-key");
  // Replies that carry credentials are never stored, so never replayed (to anyone).
  if (request.method !== "POST" || key === null || config.credentials === true) return run();
  const scope: IdempotencyScope = ctx
    ? { scope: ctx.organization.id, organizationId: ctx.organization.id, principal: ctx.apiKeyId ?? ctx.user.id }
    : { scope: `public:${url.pathname}`, organizationId: null, principal: "anonymous" };
  const claim = await claimIdempotencyKey(
    scope,
    validIdempotencyKey(key),
    request.method,
    url.pathname,
    requestHash(request.method, url.pathname, scope.principal, json),
  );
  if ("replay" in claim) {
    const { status, body: stored, contentType } = claim.replay;
    return new Response(stored, {
      status,
      headers: { "Content-Type": contentType, "Cache-Control": "no-store", ...headers, "Idempotent-Replayed": "true" },
    });
  }
  const response = await run().catch((error: unknown) => errorResponse(requestId, toApiError(error, requestId), headers));
  const text = await response.clone().text();
  await claim.finish(response.status, response.headers.get("content-type") ?? "application/json; charset=utf-8", redact(text, config.credentials));
  return response;
}

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof ALL_METHODS)[number];

const notAllowedHandlers = new WeakSet<RouteHandler>();

/** True for the 405 stand-in `methods()` puts where a route has no handler (used by the OpenAPI coverage test). */
export function isMethodNotAllowed(handler: unknown): boolean {
  return typeof handler === "function" && notAllowedHandlers.has(handler as RouteHandler);
}

/** An enveloped 405 (REQUEST_001) with Allow; counted against the caller's quota when authenticated. */
export function methodNotAllowed(allowed: readonly string[]): RouteHandler {
  const allow = allowed.join(", ");
  const handler: RouteHandler = async (request) => {
    const requestId = requestIdFrom(request.headers);
    const error = new ApiError("REQUEST_001", `${request.method} is not allowed here; use ${allow}`, { allowed: [...allowed] });
    return errorResponse(requestId, error, { Allow: allow, ...(await quotaHeadersIfAuthenticated(request)) });
  };
  notAllowedHandlers.add(handler);
  return handler;
}

/** Fills in every method a route does not implement with methodNotAllowed. */
export function methods(handlers: Partial<Record<Method, RouteHandler>>): Record<Method, RouteHandler> {
  const notAllowed = methodNotAllowed(ALL_METHODS.filter((m) => handlers[m]));
  return Object.fromEntries(ALL_METHODS.map((m) => [m, handlers[m] ?? notAllowed])) as Record<Method, RouteHandler>;
}
