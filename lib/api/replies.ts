// Replies that are not the JSON envelope — TwiML, CSV downloads, files and audio streams — as plain
// data a service can return. The route wrapper (lib/api/handler.ts) turns them into a Response, so
// services never build one; `Range` requests for files are answered there too.

/** A byte range, inclusive at both ends, as HTTP counts it. */
export type ByteRange = { start: number; end: number };

/** XML for a provider callback (TwiML). */
export class XmlReply {
  constructor(
    readonly xml: string,
    readonly status = 200,
  ) {}
}

/** A CSV download, produced in pieces (so a large export never sits in memory). */
export class CsvReply {
  constructor(
    readonly filename: string,
    readonly chunks: () => AsyncIterable<string>,
  ) {}
}

export type FileSource = {
  contentType: string;
  /** Total size in bytes when known; required for `Range` support. */
  size: number | null;
  /** Download name; with it the file is sent as an attachment, without it inline (audio players). */
  filename?: string;
  /** `Cache-Control`; default `private, max-age=0, no-store`. */
  cacheControl?: string;
  /** Opens the bytes, the whole object or one range of it. */
  open: (range?: ByteRange) => Promise<ReadableStream<Uint8Array>> | ReadableStream<Uint8Array>;
};

/** A file or stream (audio, recordings, stored objects), with `Range` support when its size is known. */
export class FileReply {
  constructor(readonly source: FileSource) {}
}

export const xml = (text: string, status = 200) => new XmlReply(text, status);
export const csv = (filename: string, chunks: () => AsyncIterable<string>) => new CsvReply(filename, chunks);
export const file = (source: FileSource) => new FileReply(source);

export type NonJsonReply = XmlReply | CsvReply | FileReply;

export function isNonJsonReply(value: unknown): value is NonJsonReply {
  return value instanceof XmlReply || value instanceof CsvReply || value instanceof FileReply;
}

/** A download name safe inside a quoted header value, plus the RFC 5987 form for non-ASCII names. */
export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Parses a single-range `Range: bytes=…` header against a size. Returns null to send the whole body
 * (no header, several ranges, or a form this does not serve), "unsatisfiable" for a range past the end.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === "" && to === "") return null;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return "unsatisfiable";
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (end < start) return null;
  return { start, end };
}

function iterableStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The Response for a non-JSON reply; `request` supplies the `Range` header. */
export async function nonJsonResponse(reply: NonJsonReply, request: Request, headers: Record<string, string>): Promise<Response> {
  if (reply instanceof XmlReply) {
    return new Response(reply.xml, {
      status: reply.status,
      headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store", ...headers },
    });
  }
  if (reply instanceof CsvReply) {
    return new Response(iterableStream(reply.chunks()), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", reply.filename),
        "Cache-Control": "no-store",
        ...headers,
      },
    });
  }
  const { source } = reply;
  const base: Record<string, string> = {
    "Content-Type": source.contentType,
    "Cache-Control": source.cacheControl ?? "private, max-age=0, no-store",
    ...(source.filename ? { "Content-Disposition": contentDisposition("attachment", source.filename) } : {}),
    ...headers,
  };
  if (source.size === null) return new Response(await source.open(), { headers: base });
  base["Accept-Ranges"] = "bytes";
  const range = parseRange(request.headers.get("range"), source.size);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...base, "Content-Range": `bytes */${source.size}` } });
  }
  if (range === null) {
    return new Response(request.method === "HEAD" ? null : await source.open(), {
      headers: { ...base, "Content-Length": String(source.size) },
    });
  }
  return new Response(request.method === "HEAD" ? null : await source.open(range), {
    status: 206,
    headers: {
      ...base,
      "Content-Length": String(range.end - range.start + 1),
      "Content-Range": `bytes ${range.start}-${range.end}/${source.size}`,
    },
  });
}
