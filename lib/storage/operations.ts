// Signed object links as the OpenAPI document describes them.
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { signedObjectQuery } from "@/lib/storage/schemas";

export const STORAGE_OPERATIONS = defineOperations([
  {
    method: "GET",
    path: "/api/storage/objects/{key}",
    operationId: "getSignedObject",
    summary: "A stored object (audio, recordings) behind a signed, expiring link",
    description: "Links come from the API (e.g. a voice sample's URL); `Range` requests are answered with 206. A tampered or expired link is AUTH_003.",
    tag: "System",
    auth: "signed_url",
    // The route takes the key as path segments; in the document it is one parameter that may hold '/'.
    params: z.object({ key: z.string().meta({ description: "The object key; may contain '/'" }) }),
    query: signedObjectQuery,
    response: { kind: "raw", status: 200, contentType: "application/octet-stream", description: "The object's bytes, with its own Content-Type", ranges: true },
  },
]);
