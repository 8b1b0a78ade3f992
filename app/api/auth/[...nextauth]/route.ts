// next-auth's own endpoints (session, csrf, signin, signout, callback…). Any other /api/auth/* path
// is an enveloped 404 like the rest of /api; login/refresh/logout/register are their own routes.
import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/auth/next-auth";
import { notFoundRoute } from "@/lib/api/not-found";
import { requestIdFrom } from "@/lib/api/request-id";
import { methodNotAllowed } from "@/lib/api/handler";

const ACTIONS = new Set(["session", "csrf", "providers", "signin", "signout", "callback", "error", "_log"]);

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (!ACTIONS.has(nextauth[0] ?? "")) return notFoundRoute(request);
  const handler = NextAuth(nextAuthOptions()) as (req: Request, ctx: Context) => Promise<Response>;
  const response = await handler(request, context);
  response.headers.set("X-Request-Id", requestIdFrom(request.headers));
  return response;
}

const notAllowed = methodNotAllowed(["GET", "POST"]);

export { handle as GET, handle as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
