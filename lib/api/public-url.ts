// The app's public base URL: what Twilio signs, what signed object URLs and provider callbacks point
// at. Configured, never taken from a request's Host header (wrong behind proxies, and forgeable).
// PUBLIC_URL, else APP_URL, else Vercel's production host, else this server on localhost.
export function publicUrl(): string {
  const configured = process.env.PUBLIC_URL?.trim() || process.env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const vercel = process.env.VERCEL_PROJECT_PRODUCTION_URL?.trim() || process.env.VERCEL_URL?.trim();
  if (vercel) return `https://${vercel}`;
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}

/** An absolute public URL for a path of this app (`/api/...`). */
export function publicUrlFor(pathAndQuery: string): string {
  return `${publicUrl()}${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`;
}
