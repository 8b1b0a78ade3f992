// One contract, two stores: the local directory store and Vercel Blob through the real @vercel/blob
// client against a local fixture that speaks its HTTP API.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStore } from "@/lib/storage/local-store";
import { blobStore } from "@/lib/storage/blob-store";
import { validateKey, type ObjectStore } from "@/lib/storage/provider";
import { startVercelBlobFixture } from "@/lib/testing/vercel-blob-fixture";

const text = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");
const streamOf = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });

let dir: string;
let fixture: Awaited<ReturnType<typeof startVercelBlobFixture>>;
const previousApiUrl = process.env.VERCEL_BLOB_API_URL;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vocelio-store-"));
  fixture = await startVercelBlobFixture();
  process.env.VERCEL_BLOB_API_URL = fixture.apiUrl;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await fixture.close();
  if (previousApiUrl === undefined) delete process.env.VERCEL_BLOB_API_URL;
  else process.env.VERCEL_BLOB_API_URL = previousApiUrl;
});

const stores: [string, () => ObjectStore][] = [
  ["local directory", () => localStore(dir)],
  ["Vercel Blob", () => blobStore(fixture.token)],
];

describe.each(stores)("object store contract: %s", (_name, make) => {
  it("puts bytes and streams, reads them whole and by range, heads, lists by prefix and deletes", async () => {
    const store = make();
    expect(await store.put("imports/a.csv", new TextEncoder().encode("phone\n2125550100\n"), { contentType: "text/csv" })).toEqual({
      key: "imports/a.csv",
      size: 17,
      contentType: "text/csv",
    });
    expect((await store.put("imports/b.csv", streamOf("phone\n", "2125550101\n"), { contentType: "text/csv" })).size).toBe(17);
    await store.put("audio/x.wav", new Uint8Array([1, 2, 3]), { contentType: "audio/wav" });

    const whole = await store.get("imports/b.csv");
    expect(whole && { size: whole.size, contentType: whole.contentType, text: await text(whole.body) }).toEqual({
      size: 17,
      contentType: "text/csv",
      text: "phone\n2125550101\n",
    });
    const part = await store.get("imports/a.csv", { start: 6, end: 9 });
    expect(part && { size: part.size, text: await text(part.body) }).toEqual({ size: 17, text: "2125" });
    expect(await store.head("audio/x.wav")).toMatchObject({ key: "audio/x.wav", size: 3, contentType: "audio/wav", uploadedAt: expect.any(Date) });

    const listed: string[] = [];
    for await (const object of store.list("imports/")) listed.push(object.key);
    expect(listed.sort()).toEqual(["imports/a.csv", "imports/b.csv"]);

    await store.put("imports/a.csv", new TextEncoder().encode("phone\n"), { contentType: "text/csv" });
    expect((await store.head("imports/a.csv"))?.size).toBe(6); // overwritten, not a second object

    await store.delete("imports/a.csv");
    await store.delete("imports/a.csv"); // a missing object is not an error
    expect(await store.head("imports/a.csv")).toBeNull();
    expect(await store.get("imports/a.csv")).toBeNull();
    const after: string[] = [];
    for await (const object of store.list("imports/")) after.push(object.key);
    expect(after).toEqual(["imports/b.csv"]);
  });

  it("refuses keys that could escape the store", async () => {
    const store = make();
    for (const key of ["../etc/passwd", "/abs/path", "a/../../b", "a//b", "nul\0byte", "back\\slash", "", "a/./b"]) {
      await expect(store.put(key, new Uint8Array([1]), { contentType: "text/plain" })).rejects.toThrow(/Invalid object key/);
      await expect(store.get(key)).rejects.toThrow(/Invalid object key/);
    }
  });
});

describe("validateKey", () => {
  it("accepts plain relative paths", () => {
    expect(validateKey("imports/import_abc.csv")).toBe("imports/import_abc.csv");
    expect(validateKey("recordings/2026/12/call_1.mp3")).toBe("recordings/2026/12/call_1.mp3");
  });
});
