import "server-only";
// Cookie-authenticated mutations must come from our own pages: the Origin must match the host the
// request was sent to (CSRF defence; SameSite=Lax alone lets same-site subdomains through).
import { ApiError } from "@/lib/api/errors";

export function checkOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) {
    throw new ApiError("AUTH_003", "Cross-origin request refused: cookie-authenticated changes must come from this site");
  }
}
