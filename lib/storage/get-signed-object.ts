import "server-only";
// GET /api/storage/objects/{key}?expires&signature[&filename]: the object behind a signed link.
// A bad or expired signature is AUTH_003 whether or not the object exists, so links reveal nothing.
import { ApiError } from "@/lib/api/errors";
import { file } from "@/lib/api/replies";
import { InvalidObjectKey, objectStore, validateKey } from "@/lib/storage/provider";
import { verifyObjectSignature } from "@/lib/storage/signed-url";
import type { SignedObjectQuery } from "@/lib/storage/schemas";

export async function getSignedObject(segments: string[], query: SignedObjectQuery) {
  const key = segments.join("/");
  try {
    validateKey(key);
  } catch (error) {
    if (error instanceof InvalidObjectKey) throw new ApiError("AUTH_003", "This link is not valid");
    throw error;
  }
  if (!verifyObjectSignature(key, query)) throw new ApiError("AUTH_003", "This link is not valid or has expired");
  const store = await objectStore();
  const info = await store.head(key);
  if (!info) throw new ApiError("RESOURCE_001", "Object not found");
  return file({
    contentType: info.contentType,
    size: info.size,
    filename: query.filename,
    open: async (range) => {
      const object = await store.get(key, range);
      if (!object) throw new ApiError("RESOURCE_001", "Object not found");
      return object.body;
    },
  });
}
