import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/envelope";
import { requestIdFrom } from "@/lib/api/request-id";

export async function notFoundRoute(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  return errorResponse(requestIdFrom(request.headers), new ApiError("RESOURCE_001", `No API route ${request.method} ${path}`));
}
