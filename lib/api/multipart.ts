import "server-only";
// Streaming multipart/form-data: the file part goes straight to a temp file (never held in memory),
// its size capped and its SHA-256 taken on the way; text fields are collected. Used by routes that
// declare a `multipart` body; the handler takes ownership of the temp file.
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import busboy from "busboy";
import { ApiError } from "@/lib/api/errors";
import { dataDir } from "@/lib/db/config";

export type UploadedFile = { path: string; filename: string; size: number; sha256: string; mimeType: string };
export type MultipartBody = { file: UploadedFile | null; fields: Record<string, string> };
export type MultipartSpec = { fileField: string; maxFileBytes: number };

const MAX_FIELD_BYTES = 64 * 1024;

export function uploadsDir(): string {
  return path.join(dataDir(), "uploads");
}

export async function readMultipart(request: Request, spec: MultipartSpec): Promise<MultipartBody> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new ApiError("REQUEST_003", "Content-Type must be multipart/form-data", { content_type: contentType || null });
  }
  const tooLarge = () => new ApiError("REQUEST_002", `File exceeds ${spec.maxFileBytes} bytes`, { max_bytes: spec.maxFileBytes });
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > spec.maxFileBytes + MAX_FIELD_BYTES * 8) throw tooLarge();
  if (!request.body) throw new ApiError("VALIDATION_001", "file: Required", { fields: [{ field: spec.fileField, code: "VALIDATION_001", message: "Required" }] });

  await mkdir(uploadsDir(), { recursive: true });
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  const writes: Promise<void>[] = [];
  let failure: ApiError | null = null;

  let parser: busboy.Busboy;
  try {
    // defParamCharset: browsers send UTF-8 file names; busboy's default (latin1) garbles them.
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fileSize: spec.maxFileBytes, files: 1, fieldSize: MAX_FIELD_BYTES, fields: 20 } });
  } catch {
    throw new ApiError("VALIDATION_002", "Malformed multipart body (missing boundary)");
  }
  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) failure ??= new ApiError("VALIDATION_003", `${name}: too long`, { fields: [{ field: name, code: "VALIDATION_003", message: "Too long" }] });
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== spec.fileField || file) {
      stream.resume();
      return;
    }
    const target = path.join(uploadsDir(), `${Date.now()}-${randomBytes(8).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    const current: UploadedFile = { path: target, filename: info.filename || "upload.csv", size: 0, sha256: "", mimeType: info.mimeType };
    file = current;
    stream.on("limit", () => {
      failure = tooLarge();
    });
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    writes.push(
      pipeline(stream, meter, createWriteStream(target)).then(() => {
        current.size = size;
        current.sha256 = hash.digest("hex");
      }),
    );
  });
  try {
    await pipeline(Readable.fromWeb(request.body as NodeReadableStream), parser);
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes); // let the file write settle before removing what it wrote
    const written = file as UploadedFile | null;
    if (written) await rm(written.path, { force: true });
    if (failure) throw failure;
    if (error instanceof ApiError) throw error;
    throw new ApiError("VALIDATION_002", "Malformed multipart body");
  }
  const written = file as UploadedFile | null;
  if (failure) {
    if (written) await rm(written.path, { force: true });
    throw failure;
  }
  return { file: written, fields };
}
