// next-auth's own endpoints (session, csrf, signin, signout, callback…). Any other /api/auth/* path
// is an enveloped 404 like the rest of /api; login/refresh/logout/register are their own routes.
// Inputs next-auth itself fails on with an empty 500 (a broken JSON body, a GET to the credentials
// callback, which only takes a POST) are answered here with the API's envelope.
import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/auth/next-auth";
import { notFoundRoute } from "@/lib/api/not-found";
import { requestIdFrom } from "@/lib/api/request-id";
import { methodNotAllowed } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/envelope";
import { toApiError } from "@/lib/api/map-error";

const ACTIONS = new Set(["session", "csrf", "providers", "signin", "signout", "callback", "error", "_log"]);

type Context = { params: Promise<{ nextauth: string[] }> };

async function unreadableBody(request: Request): Promise<boolean> {
  if (request.method !== "POST") return false;
  const contentType = request.headers.get("content-type") ?? "";
  const text = await request.clone().text();
  if (/^application\/json\b/i.test(contentType)) {
    try {
      JSON.parse(text || "{}");
    } catch {
      return true;
    }
  }
  return text.includes("\u0000") || text.includes("%00");
}

async function handle(request: Request, context: Context): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const { nextauth } = await context.params;
  if (!ACTIONS.has(nextauth[0] ?? "")) return notFoundRoute(request);
  if (nextauth[0] === "callback" && nextauth[1] === "credentials" && request.method !== "POST") {
    return methodNotAllowed(["POST"])(request, { params: Promise.resolve({}) });
  }
  if (await unreadableBody(request)) {
    return errorResponse(requestId, new ApiError("VALIDATION_002", "Request body is not valid JSON or form data", {
      fields: [{ field: "body", code: "VALIDATION_002", message: "Unreadable body" }],
    }));
  }
  try {
    const handler = NextAuth(nextAuthOptions()) as (req: Request, ctx: Context) => Promise<Response>;
    const response = await handler(request, context);
    response.headers.set("X-Request-Id", requestId);
    return response;
  } catch (error) {
    return errorResponse(requestId, toApiError(error, requestId));
  }
}

const notAllowed = methodNotAllowed(["GET", "POST"]);

export { handle as GET, handle as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
