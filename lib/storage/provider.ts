import "server-only";
// Object storage: one interface, chosen from the environment here. Vercel Blob when
// BLOB_READ_WRITE_TOKEN is set (every instance sees the same objects); otherwise a directory under
// the data dir, which is right for one long-running server and for tests.
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";

export type StoredObject = { key: string; size: number; contentType: string; uploadedAt: Date };
/** Inclusive byte range, as HTTP counts it. */
export type ObjectRange = { start: number; end: number };
export type ObjectBody = ReadableStream<Uint8Array> | Uint8Array;

export interface ObjectStore {
  put(key: string, body: ObjectBody, options: { contentType: string }): Promise<{ key: string; size: number; contentType: string }>;
  /** The bytes (all, or one range) with the object's full size; null when there is no such object. */
  get(key: string, range?: ObjectRange): Promise<{ body: ReadableStream<Uint8Array>; size: number; contentType: string } | null>;
  head(key: string): Promise<StoredObject | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<StoredObject>;
}

export class InvalidObjectKey extends Error {}

/** Keys are relative paths of plain segments: no `..`, no absolute paths, no NUL or backslash. */
export function validateKey(key: string): string {
  const ok =
    key.length > 0 &&
    key.length <= 512 &&
    !key.startsWith("/") &&
    // No NUL or other control characters, no backslashes (a path separator on Windows).
    !/[\\]/.test(key) &&
    [...key].every((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f) &&
    key.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
  if (!ok) throw new InvalidObjectKey(`Invalid object key: ${JSON.stringify(key.slice(0, 80))}`);
  return key;
}

/** A prefix is a key's beginning: the same rules, except it may be empty or end with "/". */
export function validatePrefix(prefix: string): string {
  if (prefix === "") return prefix;
  validateKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
  return prefix;
}

export function toWebStream(body: ObjectBody): ReadableStream<Uint8Array> {
  if (body instanceof Uint8Array) {
    return new ReadableStream({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      },
    });
  }
  return body;
}

export function toNodeStream(body: ObjectBody): Readable {
  return body instanceof Uint8Array ? Readable.from([body]) : Readable.fromWeb(body as NodeWebStream<Uint8Array>);
}

const g = globalThis as typeof globalThis & { __vocelioStore?: ObjectStore };

/** A stored object's bytes, read whole (for small objects: a recording, a file's first bytes). */
export async function readObjectBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export async function objectStore(): Promise<ObjectStore> {
  if (g.__vocelioStore) return g.__vocelioStore;
  const token = process.env.BLOB_READ_WRITE_TOKEN?.trim();
  if (token) {
    const { blobStore } = await import("@/lib/storage/blob-store");
    g.__vocelioStore = blobStore(token);
  } else {
    const { localStore } = await import("@/lib/storage/local-store");
    g.__vocelioStore = localStore();
  }
  return g.__vocelioStore;
}

/** Tests install a specific store (or undefined to choose from the environment again). */
export function setObjectStore(store: ObjectStore | undefined): void {
  g.__vocelioStore = store;
}
