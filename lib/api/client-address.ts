// The caller's network address, for per-address limits. Forwarded headers are trusted only from a
// proxy we know is there, because any client can send X-Forwarded-For:
// - on Vercel the platform sets X-Forwarded-For / X-Real-IP itself (a client's own value is replaced);
// - behind your own proxies, TRUST_PROXY_HOPS=N takes the address N entries from the right of
//   X-Forwarded-For (each trusted proxy appends the address it saw);
// - otherwise the TCP peer's address, which the server stamps on each request (PEER_ADDRESS_HEADER,
//   set in instrumentation.ts and stripped from what clients send).
export const PEER_ADDRESS_HEADER = "x-vocelio-peer-address";

function trustedHops(): number {
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? "0");
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

export function clientAddress(headers: Headers): string {
  if (process.env.VERCEL) {
    const platform = headers.get("x-real-ip")?.trim() || headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (platform) return platform;
  }
  const hops = trustedHops();
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((a) => a.trim()).filter(Boolean);
    const address = chain[chain.length - hops];
    if (address) return address;
  }
  return headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
}
