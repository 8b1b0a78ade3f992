import "server-only";
// Reads a JSON request body with a hard size cap, streaming so an oversized body is cut off early.
import { ApiError } from "@/lib/api/errors";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The raw body as text, cut off with REQUEST_002 as soon as it passes `maxBytes` (streamed, never
 *  buffered whole first). */
export async function readCappedBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError("REQUEST_002", `Request body exceeds ${maxBytes} bytes`, { max_bytes: maxBytes });
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<string> {
  const text = await readCappedBody(request, maxBytes);
  const contentType = request.headers.get("content-type") ?? "";
  if (text.trim() !== "" && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new ApiError("REQUEST_003", "Content-Type must be application/json", { content_type: contentType || null });
  }
  return text.trim();
}
