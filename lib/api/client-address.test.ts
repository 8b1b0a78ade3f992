import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/api/client-address";

afterEach(() => vi.unstubAllEnvs());

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientAddress", () => {
  it("uses the TCP peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.4", "x-forwarded-for": "1.2.3.4" }))).toBe("203.0.113.4");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
  });

  it("with TRUST_PROXY_HOPS=N takes the address N entries from the right (what the trusted proxies saw)", () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.4", [PEER_ADDRESS_HEADER]: "10.0.0.2" }))).toBe("203.0.113.4");
    vi.stubEnv("TRUST_PROXY_HOPS", "2");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.4, 10.0.0.9" }))).toBe("203.0.113.4");
    // Fewer hops than configured: fall back to the peer.
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.4", [PEER_ADDRESS_HEADER]: "10.0.0.2" }))).toBe("10.0.0.2");
  });

  it("on Vercel uses the platform's client address", () => {
    vi.stubEnv("VERCEL", "1");
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.3", "x-forwarded-for": "198.51.100.3" }))).toBe("198.51.100.3");
  });
});
