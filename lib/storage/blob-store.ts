import "server-only";
// Vercel Blob (when BLOB_READ_WRITE_TOKEN is set), through the official client. Objects are private
// (lead files hold personal data): reads fetch the blob's URL with the token. Keys are the pathnames,
// written without a random suffix so a key names exactly one object.
import { BlobNotFoundError, del, head, list, put } from "@vercel/blob";
import { toWebStream, validateKey, validatePrefix, type ObjectStore, type StoredObject } from "@/lib/storage/provider";

export function blobStore(token: string): ObjectStore {
  const options = { token };

  async function headOf(key: string) {
    try {
      return await head(validateKey(key), options);
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  }

  return {
    async put(key, body, { contentType }) {
      const stream = toWebStream(body);
      const result = await put(validateKey(key), stream, {
        ...options,
        access: "private",
        contentType,
        addRandomSuffix: false,
        allowOverwrite: true,
      });
      // The put reply carries no size: ask once, so callers get the stored figure.
      const stored = await headOf(result.pathname);
      return { key, size: stored?.size ?? 0, contentType: result.contentType };
    },
    async get(key, range) {
      const info = await headOf(key);
      if (!info) return null;
      const response = await fetch(info.url, {
        headers: { authorization: `Bearer ${token}`, ...(range ? { range: `bytes=${range.start}-${range.end}` } : {}) },
      });
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw new Error(`Blob download failed with HTTP ${response.status}`);
      return { body: response.body, size: info.size, contentType: info.contentType };
    },
    async head(key): Promise<StoredObject | null> {
      const info = await headOf(key);
      return info && { key, size: info.size, contentType: info.contentType, uploadedAt: info.uploadedAt };
    },
    async delete(key) {
      await del(validateKey(key), options);
    },
    async *list(prefix) {
      validatePrefix(prefix);
      let cursor: string | undefined;
      do {
        const page = await list({ ...options, prefix, cursor, limit: 1000 });
        for (const blob of page.blobs) {
          // The list reply has no content type; callers that need it ask head().
          yield { key: blob.pathname, size: blob.size, contentType: "application/octet-stream", uploadedAt: blob.uploadedAt };
        }
        cursor = page.hasMore ? page.cursor : undefined;
      } while (cursor);
    },
  };
}
