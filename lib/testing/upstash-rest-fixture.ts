// A test fixture that speaks Upstash's REST protocol in front of a real redis-server, so the real
// @upstash/redis + @upstash/ratelimit code runs against real Redis (see TOOLCHAIN.md):
//   POST /            one command as a JSON array        → {result} | {error}
//   POST /pipeline    an array of commands               → [{result} | {error}, …]
//   POST /multi-exec  an array of commands, atomically   → [{result}, …]
// String results are base64-encoded when the client sends `Upstash-Encoding: base64`. The limiter's
// Lua scripts start with `#!lua flags=allow-key-locking`, which Redis 7.0 rejects, so that line is
// stripped and the client's script SHA is mapped to the stripped script's SHA.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";

type Reply = { result: unknown } | { error: string };

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const SHEBANG = /^#!lua[^\n]*\n/;

function encode(value: unknown): unknown {
  if (typeof value === "string") return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

export async function startUpstashFixture(redisUrl: string, token: string) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const shaMap = new Map<string, string>();

  async function run(command: unknown[]): Promise<Reply> {
    const [name, ...args] = command.map(String);
    const upper = (name ?? "").toUpperCase();
    try {
      if (upper === "EVAL" || (upper === "SCRIPT" && args[0]?.toUpperCase() === "LOAD")) {
        const script = upper === "EVAL" ? args[0]! : args[1]!;
        const stripped = script.replace(SHEBANG, "");
        shaMap.set(sha1(script), sha1(stripped));
        if (upper === "SCRIPT") {
          await redis.script("LOAD", stripped);
          return { result: sha1(script) };
        }
        return { result: await redis.call("EVAL", stripped, ...args.slice(1)) };
      }
      if (upper === "EVALSHA") {
        const sha = shaMap.get(args[0]!) ?? args[0]!;
        return { result: await redis.call("EVALSHA", sha, ...args.slice(1)) };
      }
      return { result: await redis.call(upper, ...args) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", async () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });
      const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
      const wrap = (reply: Reply) => ("result" in reply && base64 ? { result: encode(reply.result) } : reply);
      const body = JSON.parse(raw || "[]") as unknown[];
      if (req.url === "/pipeline") {
        const replies: Reply[] = [];
        for (const command of body as unknown[][]) replies.push(wrap(await run(command)));
        return send(200, replies);
      }
      if (req.url === "/multi-exec") {
        const multi = redis.multi();
        for (const command of body as unknown[][]) {
          const [name, ...args] = command.map(String);
          multi.call(name!, ...args);
        }
        const results = (await multi.exec()) ?? [];
        return send(200, results.map(([error, result]) => wrap(error ? { error: error.message } : { result })));
      }
      const reply = await run(body);
      return send("error" in reply ? 400 : 200, wrap(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    redis,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}
