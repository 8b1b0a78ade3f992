// The guards run on a real node:http server, as in `next start`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { installServerGuards } from "@/lib/api/server-guards";
import { PEER_ADDRESS_HEADER } from "@/lib/api/client-address";

let server: http.Server;
let port: number;
beforeAll(async () => {
  installServerGuards();
  server = http.createServer((req, res) => res.end(JSON.stringify({ peer: req.headers[PEER_ADDRESS_HEADER] ?? null })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; allow?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: "/api/users/me", headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, allow: res.headers.allow }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("server guards", () => {
  it("stamp the TCP peer's address, replacing a value the client sent under that header", async () => {
    const reply = await send("GET", { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" });
    expect(JSON.parse(reply.body)).toEqual({ peer: "127.0.0.1" });
  });

  it("answer TRACE with an enveloped 405 (Next would fail with a bare 500)", async () => {
    const reply = await send("TRACE");
    expect(reply.status).toBe(405);
    expect(reply.allow).toContain("GET");
    expect(JSON.parse(reply.body)).toMatchObject({ success: false, error: { code: "REQUEST_001" } });
  });
});
