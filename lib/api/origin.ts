import "server-only";
// Cookie-authenticated mutations must come from our own pages: the Origin must match the host the
// request was sent to (CSRF defence; SameSite=Lax alone lets same-site subdomains through).
// X-Forwarded-Host is believed only where a proxy we trust sets it (Vercel, or TRUST_PROXY_HOPS):
// otherwise any client could send one naming its own origin. The configured public URL's host is
// always ours.
import { ApiError } from "@/lib/api/errors";
import { publicUrl } from "@/lib/api/public-url";

function trustsForwardedHost(): boolean {
  return Boolean(process.env.VERCEL) || Number(process.env.TRUST_PROXY_HOPS ?? "0") > 0;
}

export function checkOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const ours = new Set<string>([new URL(publicUrl()).host]);
  const host = request.headers.get("host") ?? new URL(request.url).host;
  ours.add(host);
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded && trustsForwardedHost()) ours.add(forwarded);
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !ours.has(originHost)) {
    throw new ApiError("AUTH_003", "Cross-origin request refused: cookie-authenticated changes must come from this site");
  }
}
