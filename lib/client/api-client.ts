// The dashboard's one fetcher for /api: sends JSON, unwraps the envelope and turns `success:false`
// into an ApiClientError carrying the spec's error code, so callers branch on codes, never on text.
import type { Pagination } from "@/lib/api/envelope";
import type { ErrorCode } from "@/lib/api/errors";

export type { Pagination };

/** Codes the client adds for failures that never reached (or never came back from) the API. */
export type ClientErrorCode = "CLIENT_NETWORK" | "CLIENT_BAD_RESPONSE";

export type ApiFieldError = { field: string; code: string; message: string };

export class ApiClientError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly fields: ApiFieldError[];
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;

  constructor(init: {
    code: ErrorCode | ClientErrorCode;
    message: string;
    status: number;
    details?: Record<string, unknown>;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = "ApiClientError";
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? {};
    this.fields = parseFields(this.details.fields);
    this.requestId = init.requestId ?? null;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export type ApiRequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
};

export type ListResult<T> = { data: T[]; pagination: Pagination };

type Envelope =
  | { success: true; data: unknown; pagination?: Pagination }
  | { success: false; error: { code: string; message: string; details?: Record<string, unknown> } };

function parseFields(raw: unknown): ApiFieldError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { field, code, message } = item as Record<string, unknown>;
    if (typeof field !== "string" || typeof message !== "string") return [];
    return [{ field, code: typeof code === "string" ? code : "", message }];
  });
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // Empty filters are left out rather than sent as `role=`, which the API would reject.
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request(path: string, options: ApiRequestOptions): Promise<Extract<Envelope, { success: true }>> {
  const { method = "GET", body, query, signal } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiClientError({
      code: "CLIENT_NETWORK",
      message: "Could not reach the server. Check your connection and try again.",
      status: 0,
    });
  }

  const requestId = response.headers.get("x-request-id");
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw badResponse(response.status, requestId);
  }
  return unwrapEnvelope(parsed, response.status, requestId);
}

function badResponse(status: number, requestId: string | null): ApiClientError {
  return new ApiClientError({
    code: "CLIENT_BAD_RESPONSE",
    message: `The server sent an unexpected reply (HTTP ${status}).`,
    status,
    requestId,
  });
}

/**
 * A parsed reply body as a success envelope, or the ApiClientError it stands for. Exported for
 * transports other than fetch (uploads with progress go through XMLHttpRequest).
 */
export function unwrapEnvelope(
  body: unknown,
  status: number,
  requestId: string | null,
): Extract<Envelope, { success: true }> {
  if (typeof body !== "object" || body === null || typeof (body as { success?: unknown }).success !== "boolean") {
    throw badResponse(status, requestId);
  }
  const envelope = body as Envelope;
  if (!envelope.success) {
    throw new ApiClientError({
      code: envelope.error.code as ErrorCode,
      message: envelope.error.message,
      status,
      details: envelope.error.details,
      requestId,
    });
  }
  return envelope;
}

/** One resource (or a mutation's result): the envelope's `data`. */
export async function apiFetch<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const envelope = await request(path, options);
  return envelope.data as T;
}

/** A list endpoint: the envelope's `data` array (or `data[listKey]`, where the spec nests it, as
 *  `data.voices`) and its `pagination`. */
export async function apiFetchList<T>(path: string, options: ApiRequestOptions & { listKey?: string } = {}): Promise<ListResult<T>> {
  const envelope = await request(path, options);
  const items = options.listKey ? (envelope.data as Record<string, unknown> | null)?.[options.listKey] : envelope.data;
  if (!Array.isArray(items) || !envelope.pagination) {
    throw new ApiClientError({
      code: "CLIENT_BAD_RESPONSE",
      message: "The server sent a list without pagination.",
      status: 200,
    });
  }
  return { data: items as T[], pagination: envelope.pagination };
}

/** The message to show for anything a query or mutation threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiClientError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

/** A signed-out or revoked session: the dashboard sends the user back to sign in. */
export function isSessionError(error: unknown): boolean {
  return error instanceof ApiClientError && (error.code === "AUTH_001" || error.code === "AUTH_002");
}
