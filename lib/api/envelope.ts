// The spec's response envelope, built in one place.
import { ERROR_CODES, type ApiError } from "@/lib/api/errors";

export const API_VERSION = "v1";

export type Pagination = {
  page: number;
  limit: number;
  total: number;
  pages: number;
  has_next: boolean;
  has_prev: boolean;
};

function meta(requestId: string, withVersion: boolean) {
  return {
    timestamp: new Date().toISOString(),
    request_id: requestId,
    ...(withVersion ? { version: API_VERSION } : {}),
  };
}

export function successBody(requestId: string, data: unknown, pagination?: Pagination) {
  return { success: true as const, data, ...(pagination ? { pagination } : {}), meta: meta(requestId, true) };
}

export function errorBody(requestId: string, error: ApiError) {
  return {
    success: false as const,
    error: { code: error.code, message: error.message, details: error.details },
    meta: meta(requestId, false),
  };
}

export function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function errorResponse(requestId: string, error: ApiError, headers: Record<string, string> = {}): Response {
  return jsonResponse(errorBody(requestId, error), ERROR_CODES[error.code].status, {
    "X-Request-Id": requestId,
    ...error.headers,
    ...headers,
  });
}
