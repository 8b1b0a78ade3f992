// The OpenAPI document, built once per process from every domain's operations. Not enveloped: it is
// the document itself, for Postman, SDK generators and the /docs reference.
import { Readable } from "node:stream";
import { methods, route } from "@/lib/api/handler";
import { file } from "@/lib/api/replies";
import { openApiDocument } from "@/lib/api/openapi/document";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ auth: "public" }, async () => {
    const { bytes } = openApiDocument();
    return file({ contentType: "application/json; charset=utf-8", size: bytes.byteLength, cacheControl: "public, max-age=300", open: (range) => Readable.toWeb(Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes])) as ReadableStream<Uint8Array> });
  }),
});
