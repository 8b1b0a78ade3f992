import "server-only";
import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/envelope";
import { requestIdFrom } from "@/lib/api/request-id";
import { quotaHeadersIfAuthenticated } from "@/lib/api/quota";

export async function notFoundRoute(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const error = new ApiError("RESOURCE_001", `No API route ${request.method} ${path}`);
  return errorResponse(requestIdFrom(request.headers), error, await quotaHeadersIfAuthenticated(request));
}
