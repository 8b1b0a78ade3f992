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
import { enforceOrganizationQuota, enforcePublicQuota, quotaHeadersIfAuthenticated } from "@/lib/api/quota";
import { authenticate } from "@/lib/auth/authenticate";
import type { AuthContext } from "@/lib/auth/context";
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
  query?: Q;
  /** A JSON body, or with `multipart` the schema of the form's text fields. */
  body?: B;
  maxBodyBytes?: number;
  /** multipart/form-data with one streamed file; the handler gets `file` and owns the temp file. */
  multipart?: MultipartSpec;
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
type AnyConfig = PublicConfig<z.ZodType, z.ZodType, z.ZodType> | PrivateConfig<z.ZodType, z.ZodType, z.ZodType>;

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
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError("VALIDATION_002", "Request body is not valid JSON", {
      fields: [{ field: "body", code: "VALIDATION_002", message: "Malformed JSON" }],
    });
  }
}

async function toResponse(requestId: string, result: unknown, headers: Record<string, string>, request: Request): Promise<Response> {
  if (isNonJsonReply(result)) return nonJsonResponse(result, request, headers);
  if (result instanceof Page) return jsonResponse(successBody(requestId, result.items, result.pagination()), 200, headers);
  if (result instanceof Reply) {
    return jsonResponse(successBody(requestId, result.data), result.status, { ...headers, ...result.headers });
  }
  return jsonResponse(successBody(requestId, result), 200, headers);
}

export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  config: PublicConfig<P, Q, B>,
  handler: (input: Inputs<P, Q, B>) => Promise<unknown>,
): RouteHandler;
export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  config: PrivateConfig<P, Q, B>,
  handler: (input: Inputs<P, Q, B> & { ctx: AuthContext }) => Promise<unknown>,
): RouteHandler;
export function route(config: AnyConfig, handler: (input: never) => Promise<unknown>): RouteHandler {
  const call = handler as (input: Inputs<z.ZodType, z.ZodType, z.ZodType> & { ctx?: AuthContext }) => Promise<unknown>;
  return async (request, context) => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const url = new URL(request.url);
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    let ctx: AuthContext | undefined;
    let upload: UploadedFile | null = null;
    let response: Response;
    try {
      versionCheck(request);
      if (config.auth === "public") {
        if (!SAFE_METHODS.has(request.method)) await enforcePublicQuota(request);
      } else {
        ctx = { ...(await authenticate(request)), requestId };
        Object.assign(headers, await enforceOrganizationQuota(ctx));
        if (ctx.via === "session_cookie" && !SAFE_METHODS.has(request.method)) checkOrigin(request);
        const permission = config.permission;
        if (permission && !ctx.permissions.has(permission)) {
          throw new ApiError("AUTH_003", `This action needs the "${permission}" permission`, { required: permission });
        }
      }
      const params = config.params ? parseOrThrow(config.params, await context.params, "params") : {};
      const query = config.query ? parseOrThrow(config.query, Object.fromEntries(url.searchParams), "query") : {};
      let json: unknown = undefined;
      let body: unknown = undefined;
      if (config.multipart) {
        const form = await readMultipart(request, config.multipart);
        upload = form.file;
        // What identifies the request for Idempotency-Key: the fields and the file's content.
        json = { fields: form.fields, file_sha256: form.file?.sha256 ?? null };
        body = config.body ? parseOrThrow(config.body, form.fields, "body") : form.fields;
      } else if (config.body) {
        const raw = await readJsonBody(request, config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        json = raw === "" ? undefined : parseJson(raw);
        body = parseOrThrow(config.body, json, "body");
      }
      const file = upload;
      const run = async () => toResponse(requestId, await call({ params, query, body, file, request, requestId, ctx }), headers, request);

      const key = request.headers.get("idempotency-key");
      if (request.method === "POST" && key !== null) {
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
          response = new Response(stored, {
            status,
            headers: { "Content-Type": contentType, "Cache-Control": "no-store", ...headers, "Idempotent-Replayed": "true" },
          });
        } else {
          response = await run().catch((error: unknown) => errorResponse(requestId, toApiError(error, requestId), headers));
          await claim.finish(response.status, response.headers.get("content-type") ?? "application/json; charset=utf-8", await response.clone().text());
        }
      } else {
        response = await run();
      }
    } catch (error) {
      response = errorResponse(requestId, toApiError(error, requestId), headers);
    }
    // A handler that keeps an upload moves it away first; anything left here is discarded.
    if (upload) await rm(upload.path, { force: true });
    log("info", "request", {
      request_id: requestId,
      org: ctx?.organization.id ?? null,
      method: request.method,
      route: url.pathname,
      status: response.status,
      duration_ms: Math.round(performance.now() - started),
    });
    return response;
  };
}

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof ALL_METHODS)[number];

/** An enveloped 405 (REQUEST_001) with Allow; counted against the caller's quota when authenticated. */
export function methodNotAllowed(allowed: readonly string[]): RouteHandler {
  const allow = allowed.join(", ");
  return async (request) => {
    const requestId = requestIdFrom(request.headers);
    const error = new ApiError("REQUEST_001", `${request.method} is not allowed here; use ${allow}`, { allowed: [...allowed] });
    return errorResponse(requestId, error, { Allow: allow, ...(await quotaHeadersIfAuthenticated(request)) });
  };
}

/** Fills in every method a route does not implement with methodNotAllowed. */
export function methods(handlers: Partial<Record<Method, RouteHandler>>): Record<Method, RouteHandler> {
  const notAllowed = methodNotAllowed(ALL_METHODS.filter((m) => handlers[m]));
  return Object.fromEntries(ALL_METHODS.map((m) => [m, handlers[m] ?? notAllowed])) as Record<Method, RouteHandler>;
}
