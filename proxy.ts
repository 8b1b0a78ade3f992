// Runs before routing for /api: a path with a malformed %-escape, which Next would answer with a bare
// 500 (it fails decoding it before any route runs), gets the API's envelope and a log line instead.
// (TRACE and the like never get this far: lib/api/server-guards.ts answers them.)
import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { errorBody } from "@/lib/api/envelope";
import { requestIdFrom } from "@/lib/api/request-id";
import { log } from "@/lib/api/log";

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
  if (!malformedPath(rawPath)) return NextResponse.next();
  const error = new ApiError("VALIDATION_002", "The request path has a malformed %-escape", {
    fields: [{ field: "path", code: "VALIDATION_002", message: "Malformed percent-encoding" }],
  });
  const requestId = requestIdFrom(request.headers);
  log("info", "request", { request_id: requestId, org: null, method: request.method, route: rawPath.slice(0, 512), status: error.status, duration_ms: 0 });
  return NextResponse.json(errorBody(requestId, error), {
    status: error.status,
    headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" },
  });
}

// Only paths with a "%" reach the proxy (Next tests the raw path first): a proxy invocation costs
// every request a second pass through Next's request machinery, about a quarter of a short read's
// throughput (bench:reads). Multipart uploads are left out: a request that passes through the proxy
// has its body buffered by Next and cut at 10 MB, which would break lead imports (up to 100 MB).
export const config = {
  matcher: [{ source: "/api/:path(.*%.*)", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] }],
};
