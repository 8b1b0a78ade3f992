import "server-only";
// The default store: files under <data dir>/objects/data, with each object's content type beside it
// under <data dir>/objects/meta. A put writes a temporary file and renames it, so a reader never sees
// half an object.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir } from "@/lib/db/config";
import { toNodeStream, validateKey, validatePrefix, type ObjectStore, type StoredObject } from "@/lib/storage/provider";

export function localStore(root: string = path.join(dataDir(), "objects")): ObjectStore {
  const dataRoot = path.join(root, "data");
  const metaRoot = path.join(root, "meta");
  const tmpRoot = path.join(root, "tmp");
  const fileOf = (key: string) => path.join(dataRoot, ...validateKey(key).split("/"));
  const metaOf = (key: string) => path.join(metaRoot, ...validateKey(key).split("/")) + ".json";

  async function head(key: string): Promise<StoredObject | null> {
    const info = await stat(fileOf(key)).catch(() => null);
    if (!info?.isFile()) return null;
    const meta = await readFile(metaOf(key), "utf8").then((text) => JSON.parse(text) as { contentType?: string }, () => ({}) as { contentType?: string });
    return { key, size: info.size, contentType: meta.contentType ?? "application/octet-stream", uploadedAt: info.mtime };
  }

  async function* walk(dir: string, keyPrefix: string): AsyncGenerator<string> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((x, y) => (x.name < y.name ? -1 : 1))) {
      const key = keyPrefix + entry.name;
      if (entry.isDirectory()) yield* walk(path.join(dir, entry.name), `${key}/`);
      else if (entry.isFile()) yield key;
    }
  }

  return {
    async put(key, body, { contentType }) {
      const target = fileOf(key);
      await mkdir(tmpRoot, { recursive: true });
      const tmp = path.join(tmpRoot, randomBytes(12).toString("hex"));
      try {
        await pipeline(toNodeStream(body), createWriteStream(tmp));
        await mkdir(path.dirname(target), { recursive: true });
        await mkdir(path.dirname(metaOf(key)), { recursive: true });
        await writeFile(metaOf(key), JSON.stringify({ contentType }));
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      const { size } = await stat(target);
      return { key, size, contentType };
    },
    async get(key, range) {
      const info = await head(key);
      if (!info) return null;
      const stream = createReadStream(fileOf(key), range ? { start: range.start, end: range.end } : {});
      return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size: info.size, contentType: info.contentType };
    },
    head,
    async delete(key) {
      await rm(fileOf(key), { force: true });
      await rm(metaOf(key), { force: true });
    },
    async *list(prefix) {
      validatePrefix(prefix);
      // Walk only the directory the prefix names, then filter by the rest of it.
      const slash = prefix.lastIndexOf("/");
      const dirKey = slash >= 0 ? prefix.slice(0, slash + 1) : "";
      const dir = path.join(dataRoot, ...dirKey.split("/").filter(Boolean));
      for await (const key of walk(dir, dirKey)) {
        if (!key.startsWith(prefix)) continue;
        const info = await head(key);
        if (info) yield info;
      }
    },
  };
}
