// npm run bench:reads [-- --rows 1000000 --small-rows 1000 --requests 600 --no-build]
// Reads that cost the page, not the table (ARCHITECTURE convention 12). Loads `--rows` leads and as
// many calls with COPY into one campaign (the triggers keep the counters and rollups as they go), and
// `--small-rows` into a campaign of another organization; builds the app into its own folder
// (NEXT_DIST_DIR, default .next-bench-reads, so it does not clash with a developer's .next), starts
// `next start` against Postgres and measures, at 10 connections, p50/p99 and requests/s of: the
// campaigns list, campaign detail, analytics (day, last 30 days), leads page 1, a deep leads page by
// cursor (the middle of the campaign), and for reference page/limit's page 2,000 (OFFSET). Then a bare
// node:http + pg server running the campaigns list's SQL, for the list's requests/s against it.
// The load is flushed (VACUUM ANALYZE, CHECKPOINT) and every endpoint warmed before measuring.
// Every loop is bounded in count and time; everything listens on 127.0.0.1 only.
// Needs Postgres (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { seededRandom } from "../lib/seeded-random";
import { encodeCursor } from "../lib/api/pagination";
import { buildInto, measure as measureLoad, scratchDatabase, waitFor, type Result } from "./load";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = arg("rows", 1_000_000);
const SMALL_ROWS = arg("small-rows", 1_000);
const REQUESTS = arg("requests", 600); // per endpoint and size, after WARMUP
const WARMUP = 30;
const CONNECTIONS = 10;
const MAX_SECONDS = 60; // per measurement, whatever REQUESTS says
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = 3310;
const BARE_PORT = 3311;
const SECRET = "bench-secret-bench-secret-bench-secret-0000";
const DIST = process.env.NEXT_DIST_DIR || ".next-bench-reads";
const DAY_MS = 86_400_000;

// ── the bare server (a child process, so it does not share the load generator's CPU) ──────────────
// The SQL the app runs for GET /api/campaigns (default page), statement for statement as Postgres
// logged it (log_statement = all): the session with its user and organization (one join), the page of
// campaigns and their count (together), then the page's counters.
const SQL = {
  identity: `SELECT u.id AS user_id, u.email, u.name, u.role::text AS role, u.status::text AS status,
      o.id AS org_id, o.name AS org_name, o.plan::text AS plan, o.timezone, o.default_country
    FROM auth_sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
    WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
  campaigns: `SELECT "public"."campaigns"."id", "public"."campaigns"."organization_id", "public"."campaigns"."name", "public"."campaigns"."description", "public"."campaigns"."campaign_type"::text, "public"."campaigns"."status"::text, "public"."campaigns"."settings", "public"."campaigns"."schedule", "public"."campaigns"."created_by_id", "public"."campaigns"."started_at", "public"."campaigns"."ended_at", "public"."campaigns"."created_at", "public"."campaigns"."updated_at" FROM "public"."campaigns" WHERE "public"."campaigns"."organization_id" = $1 ORDER BY "public"."campaigns"."created_at" DESC, "public"."campaigns"."id" DESC LIMIT $2 OFFSET $3`,
  count: `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."campaigns"."id" FROM "public"."campaigns" WHERE "public"."campaigns"."organization_id" = $1 OFFSET $2) AS "sub"`,
  stats: `SELECT campaign_id, leads_total, leads_pending, leads_contacted, leads_converted, leads_not_interested,
           leads_callback, leads_do_not_call, calls_placed, calls_connected, calls_converted,
           cost::text AS cost, revenue::text AS revenue
    FROM campaign_stats
    WHERE organization_id = $1 AND campaign_id IN ($2)`,
};

async function bareServer() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const sessionId = process.env.BENCH_SESSION_ID!;
  const userId = process.env.BENCH_USER_ID!;
  const server = http.createServer(async (_req, res) => {
    try {
      const identity = (await pool.query(SQL.identity, [sessionId, userId])).rows[0] as { org_id: string };
      const org = { id: identity.org_id };
      const [page, count] = await Promise.all([pool.query(SQL.campaigns, [org.id, 21, 0]), pool.query(SQL.count, [org.id, 0])]);
      // One campaign per organization in this bench, so one IN parameter, as the app sends it.
      const stats = await pool.query(SQL.stats, [org.id, (page.rows[0] as { id: string }).id]);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: true, data: page.rows.slice(0, 20), stats: stats.rows, total: count.rows[0] }));
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  server.listen(BARE_PORT, "127.0.0.1");
  process.on("SIGTERM", () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}

// ── load generation (bench/load.ts) ──────────────────────────────────────────────────────────────
const measure = (port: number, pathName: string, token: string | undefined, requests: number): Promise<Result> =>
  measureLoad(port, { path: pathName, token }, { requests, connections: CONNECTIONS, warmup: WARMUP, maxSeconds: MAX_SECONDS });

// ── data ─────────────────────────────────────────────────────────────────────────────────────────────
const STATUSES: [string, number][] = [["pending", 0.6], ["contacted", 0.2], ["converted", 0.05], ["not_interested", 0.1], ["callback", 0.05]];

function pick(r: number): string {
  let acc = 0;
  for (const [status, share] of STATUSES) if (r < (acc += share)) return status;
  return "pending";
}

/** Rows as COPY text, yielded in chunks so a million rows never sit in memory at once. */
function* chunks(rows: number, row: (i: number) => string): Generator<string> {
  for (let start = 0; start < rows; start += 5000) {
    let text = "";
    for (let i = start; i < Math.min(rows, start + 5000); i++) text += row(i);
    yield text;
  }
}

async function copyRows(client: pg.PoolClient, sql: string, rows: number, row: (i: number) => string) {
  await pipeline(Readable.from(chunks(rows, row)), client.query(copyFrom(sql)));
}

async function loadCampaign(pool: pg.Pool, tag: string, organizationId: string, campaignId: string, rows: number) {
  const next = seededRandom(rows + tag.charCodeAt(0));
  const created = Date.now() - 90 * DAY_MS;
  const firstCall = Date.now() - 60 * DAY_MS;
  const client = await pool.connect();
  try {
    const t0 = performance.now();
    // Ids grow with created_at, as the app's time-ordered lead ids do.
    await copyRows(client, "COPY leads (id, organization_id, campaign_id, phone, first_name, last_name, email, timezone, status, created_at) FROM STDIN", rows, (i) => {
      const n = String(i).padStart(8, "0");
      return `lead_${tag}${n}\t${organizationId}\t${campaignId}\t+1${2_000_000_000 + i}\tName${i % 997}\tLast${i % 991}\tp${i}@example.com\tAmerica/New_York\t${pick(next())}\t${new Date(created + i * 5).toISOString()}\n`;
    });
    const t1 = performance.now();
    // Calls over the last 60 days up to now; ~45 % answered, ~10 % of those converted.
    const span = Date.now() - firstCall;
    await copyRows(client, "COPY calls (id, organization_id, campaign_id, phone, status, duration_seconds, cost, revenue, converted, started_at, answered_at) FROM STDIN", rows, (i) => {
      const answered = next() < 0.45;
      const converted = answered && next() < 0.1;
      const at = new Date(firstCall + Math.floor((i * span) / rows)).toISOString();
      const duration = answered ? 30 + Math.floor(next() * 300) : 0;
      return `call_${tag}${String(i).padStart(8, "0")}\t${organizationId}\t${campaignId}\t+1${2_000_000_000 + i}\t${answered ? "completed" : "no_answer"}\t${duration}\t${(0.01 + duration * 0.0002).toFixed(4)}\t${converted ? "49.00" : "0"}\t${converted ? "t" : "f"}\t${at}\t${answered ? at : "\\N"}\n`;
    });
    const t2 = performance.now();
    console.log(`loaded ${rows} leads in ${((t1 - t0) / 1000).toFixed(1)} s and ${rows} calls in ${((t2 - t1) / 1000).toFixed(1)} s (COPY, triggers on)`);
  } finally {
    client.release();
  }
}

// ── the app ──────────────────────────────────────────────────────────────────────────────────────────
async function api<T>(pathName: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body) headers.set("content-type", "application/json");
  const response = await fetch(`http://127.0.0.1:${PORT}${pathName}`, { ...init, headers });
  const json = (await response.json()) as { success: boolean; data: T; error?: unknown };
  if (!json.success) throw new Error(`${pathName}: ${JSON.stringify(json.error)}`);
  return json.data;
}

async function organizationWithCampaign(pool: pg.Pool, label: string) {
  const { token } = await api<{ token: string }>("/api/auth/register", {
    method: "POST",
    body: JSON.stringify({ organization_name: `Reads ${label}`, name: "Bench", email: `reads-${label}-${Date.now()}@example.com`, password: "bench-password-1" }),
  });
  const { campaign_id } = await api<{ campaign_id: string }>("/api/campaigns", {
    method: "POST",
    token,
    body: JSON.stringify({ name: `Reads ${label}`, campaign_type: "outbound_sales", settings: { timezone: "America/New_York" } }),
  });
  const { rows } = await pool.query<{ organization_id: string }>("SELECT organization_id FROM campaigns WHERE id = $1", [campaign_id]);
  const organizationId = rows[0]!.organization_id;
  // The per-organization hourly limit (25,000 on enterprise) is far above what one run sends.
  await pool.query("UPDATE organizations SET plan = 'enterprise' WHERE id = $1", [organizationId]);
  return { token, campaignId: campaign_id, organizationId };
}

async function deepCursor(pool: pg.Pool, campaignId: string, rows: number): Promise<string> {
  // The cursor a walk would hold halfway through (newest first); found once, outside the measurement.
  const { rows: [row] } = await pool.query<{ created_at: Date; id: string }>(
    "SELECT created_at, id FROM leads WHERE campaign_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1",
    [campaignId, Math.floor(rows / 2)],
  );
  return encodeCursor("created_at", "desc", row!.created_at.toISOString(), row!.id);
}

const ms = (v: number) => v.toFixed(1).padStart(7);

async function main() {
  buildInto(DIST, args);
  const database = await scratchDatabase(ADMIN_URL, `vocelio_reads_${process.pid}`, { AUTH_SECRET: SECRET });
  const url = database.url;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  let server: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: DIST, PORT: String(PORT), LOG_LEVEL: "warn", AUTH_SECRET: SECRET, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitFor(`http://127.0.0.1:${PORT}/api/health`, 60_000);
    const big = await organizationWithCampaign(pool, "big");
    const small = await organizationWithCampaign(pool, "small");
    await loadCampaign(pool, "b", big.organizationId, big.campaignId, ROWS);
    await loadCampaign(pool, "s", small.organizationId, small.campaignId, SMALL_ROWS);
    // What autovacuum and the checkpointer would have done by the time anyone reads: without it the
    // first endpoint measured pays for flushing the load's dirty pages.
    await pool.query("VACUUM ANALYZE leads, calls, campaign_stats, campaign_call_rollups, campaigns");
    await pool.query("CHECKPOINT");
    const [counted] = (await pool.query("SELECT leads_total, calls_placed FROM campaign_stats WHERE campaign_id = $1", [big.campaignId])).rows as { leads_total: number; calls_placed: number }[];
    console.log(`counters of the big campaign: ${counted!.leads_total} leads, ${counted!.calls_placed} calls`);

    const endpoints = (c: { campaignId: string }, cursor: string) => [
      ["campaigns list", "/api/campaigns"],
      ["campaign detail", `/api/campaigns/${c.campaignId}`],
      ["analytics (day, 30 days)", `/api/campaigns/${c.campaignId}/analytics?granularity=day`],
      ["leads page 1", `/api/campaigns/${c.campaignId}/leads?limit=20`],
      ["leads deep page (cursor)", `/api/campaigns/${c.campaignId}/leads?limit=20&cursor=${cursor}`],
    ] as const;
    const bigCursor = await deepCursor(pool, big.campaignId, ROWS);
    const smallCursor = await deepCursor(pool, small.campaignId, SMALL_ROWS);
    const results: { name: string; large: Result; small: Result; target: boolean }[] = [];
    const bigEndpoints = endpoints(big, bigCursor);
    const smallEndpoints = endpoints(small, smallCursor);
    // One warm-up pass over every endpoint (JIT, route chunks, caches), so no row pays for being first.
    for (let i = 0; i < bigEndpoints.length; i++) {
      await measure(PORT, bigEndpoints[i]![1], big.token, 100);
      await measure(PORT, smallEndpoints[i]![1], small.token, 100);
    }
    for (let i = 0; i < bigEndpoints.length; i++) {
      const [name, bigPath] = bigEndpoints[i]!;
      const large = await measure(PORT, bigPath, big.token, REQUESTS);
      const smallResult = await measure(PORT, smallEndpoints[i]![1], small.token, REQUESTS);
      results.push({ name, large, small: smallResult, target: true });
    }
    // For reference, not a target: page/limit's deep page still reads and skips 39,980 rows (OFFSET).
    results.push({
      name: "leads page 2,000 (page/limit, reference)",
      large: await measure(PORT, `/api/campaigns/${big.campaignId}/leads?limit=20&page=2000`, big.token, 60),
      small: await measure(PORT, `/api/campaigns/${small.campaignId}/leads?limit=20&page=2000`, small.token, 60),
      target: false,
    });

    const { rows: [session] } = await pool.query<{ id: string; user_id: string }>(
      "SELECT s.id, s.user_id FROM auth_sessions s WHERE s.organization_id = $1 ORDER BY s.created_at DESC LIMIT 1",
      [big.organizationId],
    );
    bare = spawn(process.execPath, ["--import", "tsx", "bench/reads.ts", "--bare-server"], {
      env: { ...process.env, DATABASE_URL: url, BENCH_SESSION_ID: session!.id, BENCH_USER_ID: session!.user_id },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`, 30_000);
    const bareResult = await measure(BARE_PORT, "/", undefined, REQUESTS);

    const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
    console.log(`\n${label(ROWS)} vs ${label(SMALL_ROWS)} leads and calls in one campaign; ${CONNECTIONS} connections, ${REQUESTS} requests per row after ${WARMUP} warm-up (ms, req/s)\n`);
    console.log(`| endpoint | ${label(ROWS)} p50 | ${label(ROWS)} p99 | ${label(ROWS)} req/s | ${label(SMALL_ROWS)} p50 | ${label(SMALL_ROWS)} p99 | ${label(SMALL_ROWS)} req/s | p50 ratio | target ≤ 1.5× |`);
    console.log("|---|---|---|---|---|---|---|---|---|");
    let failed = false;
    for (const r of results) {
      const ratio = r.large.p50 / r.small.p50;
      const ok = !r.target || ratio <= 1.5;
      if (!ok) failed = true;
      if (r.large.errors || r.small.errors) {
        failed = true;
        console.log(`(${r.name}: ${r.large.errors + r.small.errors} non-200 replies)`);
      }
      console.log(
        `| ${r.name} | ${ms(r.large.p50)} | ${ms(r.large.p99)} | ${r.large.rps.toFixed(0)} | ${ms(r.small.p50)} | ${ms(r.small.p99)} | ${r.small.rps.toFixed(0)} | ${ratio.toFixed(2)}× | ${r.target ? (ok ? "yes" : "NO") : "—"} |`,
      );
    }
    const list = results[0]!.large;
    const share = list.rps / bareResult.rps;
    console.log(
      `\ncampaigns list (${label(ROWS)}): ${list.rps.toFixed(0)} req/s; bare node:http + pg, same SQL: ${bareResult.rps.toFixed(0)} req/s (p50 ${bareResult.p50.toFixed(1)} ms) → ${(share * 100).toFixed(0)} % (target ≥ 50 %)`,
    );
    if (share < 0.5) failed = true;
    if (failed) process.exitCode = 2;
  } finally {
    for (const child of [bare, server]) {
      if (child && child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    }
    await pool.end();
    await database.drop();
  }
}

if (args.includes("--bare-server")) {
  void bareServer();
} else {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
