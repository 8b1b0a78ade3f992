// A local server that speaks Vercel Blob's HTTP API (see TOOLCHAIN.md), so the real @vercel/blob
// client runs in tests: point VERCEL_BLOB_API_URL at `apiUrl` and use `token`.
//   PUT  /?pathname=…         raw body; x-content-type, x-add-random-suffix, x-allow-overwrite → blob JSON
//   GET  /?url=…              head → blob JSON (404 {error:{code:"not_found"}})
//   GET  /?prefix=&limit=&cursor=   list → {blobs, cursor, hasMore}
//   POST /delete              {"urls": […]} (URLs or pathnames)
//   GET  /blobs/<pathname>    the download URL the API returns (Range supported), token required
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Blob = { pathname: string; body: Buffer; contentType: string; uploadedAt: Date };

export async function startVercelBlobFixture(token = "vercel_blob_rw_teststore_secret0123456789") {
  const blobs = new Map<string, Blob>();
  let base = "";
  const urlOf = (pathname: string) => `${base}/blobs/${pathname.split("/").map(encodeURIComponent).join("/")}`;
  const describe = (b: Blob) => ({
    url: urlOf(b.pathname),
    downloadUrl: `${urlOf(b.pathname)}?download=1`,
    pathname: b.pathname,
    size: b.body.length,
    contentType: b.contentType,
    contentDisposition: `inline; filename="${b.pathname.split("/").pop()}"`,
    cacheControl: "public, max-age=2592000",
    uploadedAt: b.uploadedAt.toISOString(),
    etag: `"${b.body.length}-${b.uploadedAt.getTime()}"`,
  });
  const pathnameOf = (urlOrPathname: string) =>
    urlOrPathname.startsWith(`${base}/blobs/`) ? decodeURIComponent(new URL(urlOrPathname).pathname.slice("/blobs/".length)) : urlOrPathname;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });

  const server: Server = createServer(async (req, res) => {
    try {
      if (req.headers.authorization !== `Bearer ${token}`) return send(res, 403, { error: { code: "forbidden", message: "Bad token" } });
      const url = new URL(req.url ?? "/", base);
      if (url.pathname.startsWith("/blobs/")) {
        const blob = blobs.get(decodeURIComponent(url.pathname.slice("/blobs/".length)));
        if (!blob) return send(res, 404, { error: { code: "not_found", message: "Not found" } });
        const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
        if (range) {
          const start = Number(range[1]);
          const end = Math.min(range[2] ? Number(range[2]) : blob.body.length - 1, blob.body.length - 1);
          res.writeHead(206, { "content-type": blob.contentType, "content-range": `bytes ${start}-${end}/${blob.body.length}`, "content-length": end - start + 1 });
          return res.end(blob.body.subarray(start, end + 1));
        }
        res.writeHead(200, { "content-type": blob.contentType, "content-length": blob.body.length });
        return res.end(blob.body);
      }
      if (req.method === "PUT") {
        const pathname = url.searchParams.get("pathname") ?? "";
        const body = await readBody(req);
        if (blobs.has(pathname) && req.headers["x-allow-overwrite"] !== "1") {
          return send(res, 400, { error: { code: "bad_request", message: "This blob already exists" } });
        }
        const contentType = String(req.headers["x-content-type"] ?? "application/octet-stream");
        const blob = { pathname, body, contentType, uploadedAt: new Date() };
        blobs.set(pathname, blob);
        const { url: blobUrl, downloadUrl, contentDisposition, etag } = describe(blob);
        return send(res, 200, { url: blobUrl, downloadUrl, pathname, contentType, contentDisposition, etag });
      }
      if (req.method === "POST" && url.pathname === "/delete") {
        const { urls } = JSON.parse((await readBody(req)).toString("utf8")) as { urls: string[] };
        for (const u of urls) blobs.delete(pathnameOf(u));
        return send(res, 200, {});
      }
      if (req.method === "GET" && url.searchParams.has("url")) {
        const blob = blobs.get(pathnameOf(url.searchParams.get("url")!));
        return blob ? send(res, 200, describe(blob)) : send(res, 404, { error: { code: "not_found", message: "The requested blob does not exist" } });
      }
      if (req.method === "GET") {
        const prefix = url.searchParams.get("prefix") ?? "";
        const limit = Number(url.searchParams.get("limit") ?? "1000");
        const after = url.searchParams.get("cursor") ?? "";
        const matching = [...blobs.values()].filter((b) => b.pathname.startsWith(prefix) && b.pathname > after).sort((x, y) => (x.pathname < y.pathname ? -1 : 1));
        const page = matching.slice(0, limit);
        const hasMore = matching.length > limit;
        return send(res, 200, { blobs: page.map(describe), hasMore, ...(hasMore ? { cursor: page.at(-1)!.pathname } : {}) });
      }
      send(res, 400, { error: { code: "bad_request", message: "Unsupported request" } });
    } catch (error) {
      send(res, 500, { error: { code: "unknown_error", message: String(error) } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: base,
    token,
    blobs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
