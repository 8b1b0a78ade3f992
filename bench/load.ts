// Shared by the benchmarks: a bounded HTTP load generator over keep-alive connections, and waiting for
// a server to come up. Everything talks to 127.0.0.1 only.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";

export type Result = { p50: number; p99: number; rps: number; n: number; errors: number };
export type Target = { method?: "GET" | "POST"; path: string; token?: string; body?: unknown };
export type LoadOptions = { requests: number; connections: number; warmup: number; maxSeconds: number };

function send(agent: http.Agent, port: number, target: Target): Promise<number> {
  const payload = target.body === undefined ? undefined : Buffer.from(JSON.stringify(target.body));
  const headers: Record<string, string | number> = {};
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  if (payload) {
    headers["content-type"] = "application/json";
    headers["content-length"] = payload.length;
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: target.path, method: target.method ?? "GET", agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${target.path}`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/** `requests` requests over `connections` keep-alive connections after `warmup` sequential ones,
 *  stopping at `maxSeconds` whatever the count. Latencies in ms. */
export async function measure(port: number, target: Target, options: LoadOptions): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  try {
    for (let i = 0; i < options.warmup; i++) await send(agent, port, target);
    const latencies: number[] = [];
    let issued = 0;
    let errors = 0;
    const started = performance.now();
    const deadline = started + options.maxSeconds * 1000;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (issued < options.requests && performance.now() < deadline) {
          issued++;
          const t0 = performance.now();
          const status = await send(agent, port, target);
          latencies.push(performance.now() - t0);
          if (status !== 200) errors++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((x, y) => x - y);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return { p50: at(0.5), p99: at(0.99), rps: latencies.length / seconds, n: latencies.length, errors };
  } finally {
    agent.destroy();
  }
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Builds the app into its own folder (unless --no-build) so a benchmark never touches a developer's .next. */
export function buildInto(dist: string, args: string[]): void {
  if (!args.includes("--no-build")) {
    console.log(`building into ${dist} …`);
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { ...process.env, NEXT_DIST_DIR: dist }, stdio: "inherit", timeout: 20 * 60_000 });
    if (build.status !== 0) throw new Error("next build failed");
  }
  if (!existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`No build in ${dist}`);
}

/** A scratch Postgres database (created here) with the app's migrations applied; drop() removes it. */
export async function scratchDatabase(adminUrl: string, name: string, env: Record<string, string>) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const migrate = spawnSync(process.execPath, ["scripts/run.mjs", "db:migrate"], { env: { ...process.env, ...env, DATABASE_URL: url }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(migrate.stderr || migrate.stdout);
  return {
    url,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
