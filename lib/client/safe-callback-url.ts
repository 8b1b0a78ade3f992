/**
 * Where to go after signing in: only a path on this site, never another origin (open redirect).
 * next-auth hands over absolute URLs of our own origin, so those are reduced to their path.
 */
export function safeCallbackUrl(raw: string | null | undefined, origin: string): string {
  if (!raw) return "/";
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Going back to the sign-in or sign-up pages after signing in would be a loop.
    if (url.pathname === "/login" || url.pathname === "/register") return "/";
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}
