// Signed object links through the real route: a valid link serves the object (with Range), anything
// tampered or expired is 403 AUTH_003.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as objectRoute from "@/app/api/storage/objects/[...key]/route";
import { call, expectError } from "@/lib/testing/api";
import { localStore } from "@/lib/storage/local-store";
import { setObjectStore } from "@/lib/storage/provider";
import { signedObjectUrl } from "@/lib/storage/signed-url";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vocelio-objects-"));
  const store = localStore(dir);
  setObjectStore(store);
  await store.put("audio/greeting.wav", new TextEncoder().encode("RIFF0123456789"), { contentType: "audio/wav" });
});
afterAll(async () => {
  setObjectStore(undefined);
  await rm(dir, { recursive: true, force: true });
});

function fetchSigned(link: string, headers: Record<string, string> = {}) {
  const url = new URL(link);
  const key = decodeURIComponent(url.pathname.replace("/api/storage/objects/", "")).split("/");
  return call(objectRoute.GET, { path: url.pathname, query: Object.fromEntries(url.searchParams), params: { key }, headers });
}

describe("GET /api/storage/objects/{key}", () => {
  it("serves the object behind a valid link, whole or by range, with its download name", async () => {
    const link = signedObjectUrl("audio/greeting.wav");
    expect(link).toMatch(/\/api\/storage\/objects\/audio\/greeting\.wav\?expires=\d+&signature=/);
    const whole = await fetchSigned(link);
    expect(whole.status).toBe(200);
    expect(whole.text).toBe("RIFF0123456789");
    expect(whole.headers.get("content-type")).toBe("audio/wav");
    const part = await fetchSigned(link, { range: "bytes=4-7" });
    expect(part.status).toBe(206);
    expect(part.text).toBe("0123");
    const named = await fetchSigned(signedObjectUrl("audio/greeting.wav", { filename: "hello.wav" }));
    expect(named.headers.get("content-disposition")).toContain('filename="hello.wav"');
  });

  it("refuses tampered, expired and borrowed signatures", async () => {
    const link = new URL(signedObjectUrl("audio/greeting.wav", { expiresInSeconds: 600 }));
    const tampered = new URL(link);
    tampered.searchParams.set("expires", String(Number(link.searchParams.get("expires")) + 3600));
    expectError(await fetchSigned(tampered.toString()), 403, "AUTH_003");
    const renamed = new URL(link);
    renamed.searchParams.set("filename", "other.wav");
    expectError(await fetchSigned(renamed.toString()), 403, "AUTH_003");
    const flipped = new URL(link);
    const signature = flipped.searchParams.get("signature")!;
    flipped.searchParams.set("signature", (signature[0] === "A" ? "B" : "A") + signature.slice(1));
    expectError(await fetchSigned(flipped.toString()), 403, "AUTH_003");
    const expired = signedObjectUrl("audio/greeting.wav", { expiresInSeconds: 60, now: new Date(Date.now() - 3600_000) });
    expectError(await fetchSigned(expired), 403, "AUTH_003");
    // Another key's signature does not open this one.
    const borrowed = new URL(signedObjectUrl("audio/other.wav"));
    borrowed.pathname = "/api/storage/objects/audio/greeting.wav";
    expectError(await fetchSigned(borrowed.toString()), 403, "AUTH_003");
    expectError(await call(objectRoute.GET, { path: "/api/storage/objects/x", params: { key: ["..", "secret"] }, query: { expires: "9999999999", signature: "x" } }), 403, "AUTH_003");
  });

  it("answers 404 for a validly signed link to an object that is gone", async () => {
    expectError(await fetchSigned(signedObjectUrl("audio/deleted.wav")), 404, "RESOURCE_001");
  });
});
