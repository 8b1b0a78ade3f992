// Runs before routing for /api: requests Next itself would answer with a bare 500 — a path with a
// malformed %-escape (Next fails decoding it before any route runs) or a method no route can have
// (TRACE, CONNECT, …) — get the API's envelope and a log line instead.
import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { errorBody } from "@/lib/api/envelope";
import { requestIdFrom } from "@/lib/api/request-id";
import { log } from "@/lib/api/log";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function malformedPath(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const rawPath = request.url.replace(/^[a-z]+:\/\/[^/]+/i, "").split("?")[0] ?? "";
  let error: ApiError | null = null;
  let extra: Record<string, string> = {};
  if (!METHODS.has(request.method)) {
    error = new ApiError("REQUEST_001", `${request.method} is not supported by this API`, { allowed: [...METHODS] });
    extra = { Allow: [...METHODS].join(", ") };
  } else if (malformedPath(rawPath)) {
    error = new ApiError("VALIDATION_002", "The request path has a malformed %-escape", {
      fields: [{ field: "path", code: "VALIDATION_002", message: "Malformed percent-encoding" }],
    });
  }
  if (!error) return NextResponse.next();
  const requestId = requestIdFrom(request.headers);
  log("info", "request", { request_id: requestId, org: null, method: request.method, route: rawPath.slice(0, 512), status: error.status, duration_ms: 0 });
  return NextResponse.json(errorBody(requestId, error), {
    status: error.status,
    headers: { "X-Request-Id": requestId, "Cache-Control": "no-store", ...extra },
  });
}

export const config = { matcher: "/api/:path*" };
