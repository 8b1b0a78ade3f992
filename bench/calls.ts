// npm run bench:calls [-- --calls 100 --seconds 120 --rows 1000000 --small-rows 1000 --turns 300 --only abc --no-build]
// The call path, measured side by side with its baselines in one run (issue 10):
//  (a) turn latency: a Gather's speech result (a signed provider request) → its TwiML reply, through
//      `next start`, with the voice cache warm (the agent's lines repeat), p50/p95 — beside a bare
//      node:http server returning the same TwiML. The simulator is slowed to a crawl there
//      (SIMULATOR_SPEED=0.0001) so the bench, not the simulated callee, drives the calls: conversations
//      of 15 turns (a call's state and transcript grow with its turns, as on a real call).
//  (b) `--calls` concurrent simulated calls at real time (SIMULATOR_SPEED=1) for up to `--seconds`:
//      how many reach a final state, errors, and the app's CPU time and peak RSS (from /proc).
//  (c) GET /api/calls and GET /api/calls/active with `--rows` calls in one organization beside
//      `--small-rows` in another: p50 and the ratio (target ≤ 1.5×).
// Builds into .next-bench-calls (NEXT_DIST_DIR) unless --no-build; needs Postgres (BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/postgres). Everything listens on 127.0.0.1 only.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import twilio from "twilio";
import { buildInto, measure, scratchDatabase, waitFor, type Result } from "./load";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CALLS = arg("calls", 100);
const SECONDS = arg("seconds", 120);
const ROWS = arg("rows", 1_000_000);
const SMALL_ROWS = arg("small-rows", 1_000);
const TURNS = arg("turns", 300);
const TURNS_PER_CALL = 15;
const ONLY = (() => {
  const i = args.indexOf("--only");
  return i >= 0 ? args[i + 1]! : "abc";
})();
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = 3320;
const BARE_PORT = 3321;
const SECRET = "bench-secret-bench-secret-bench-secret-0000";
const DIST = process.env.NEXT_DIST_DIR || ".next-bench-calls";
const BASE = `http://127.0.0.1:${PORT}`;
// The simulator signs with a token derived from the app secret (lib/telephony/credentials.ts).
const TOKEN = createHmac("sha256", SECRET).update("vocelio:carrier-simulator:auth-token").digest("hex");

function startApp(url: string, speed: number): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: DIST, PORT: String(PORT), PUBLIC_URL: BASE, LOG_LEVEL: "warn", AUTH_SECRET: SECRET, NODE_ENV: "production", SIMULATOR_SPEED: String(speed) },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

async function api<T>(pathName: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body) headers.set("content-type", "application/json");
  const response = await fetch(`${BASE}${pathName}`, { ...init, headers });
  const json = (await response.json()) as { success: boolean; data: T; error?: unknown };
  if (!json.success) throw new Error(`${pathName}: ${JSON.stringify(json.error)}`);
  return json.data;
}

async function organization(pool: pg.Pool, label: string) {
  const { token } = await api<{ token: string }>("/api/auth/register", {
    method: "POST",
    body: JSON.stringify({ organization_name: `Calls ${label}`, name: "Bench", email: `calls-${label}-${Date.now()}@example.com`, password: "bench-password-1" }),
  });
  const agent = await api<{ id: string }>("/api/agents", { method: "POST", token, body: JSON.stringify({ name: "Ava", voice_id: "voice_ava", first_message: "Hi {{lead.first_name}}, it's about your plan." }) });
  const { rows } = await pool.query<{ organization_id: string }>("SELECT organization_id FROM agents WHERE id = $1", [agent.id]);
  const organizationId = rows[0]!.organization_id;
  // Hawaii is inside 08:00–21:00 for most of the UTC day; the enterprise plan's hourly limit is far above this run.
  await pool.query("UPDATE organizations SET plan = 'enterprise', timezone = 'Pacific/Honolulu' WHERE id = $1", [organizationId]);
  return { token, agentId: agent.id, organizationId };
}

/** A Twilio-signed form POST to the app, as the simulator (or Twilio) sends it. */
function signedPost(path: string, params: Record<string, string>): Promise<{ status: number; body: string; ms: number }> {
  const url = `${BASE}${path}`;
  const body = new URLSearchParams(params).toString();
  const signature = twilio.getExpectedTwilioSignature(TOKEN, url, params);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

// ── (a) turn latency ─────────────────────────────────────────────────────────────────────────────
async function turnLatency(pool: pg.Pool) {
  const org = await organization(pool, "turns");
  // "Are you a robot?" is answered truthfully and the question asked again: the conversation stays at
  // its step, so every turn is the same work, and its lines are cached after the first call.
  const conversation = async (n: number, measured: number[] | null) => {
    const placed = await api<{ call_id: string; twilio_call_sid: string }>("/api/calls", { method: "POST", token: org.token, body: JSON.stringify({ phone_number: `+1808555${String(2000 + n)}`, agent_id: org.agentId }) });
    const base = { AccountSid: "AC" + "0".repeat(32), CallSid: placed.twilio_call_sid, CallStatus: "in-progress" };
    const start = await signedPost(`/api/telephony/twilio/voice?call=${placed.call_id}`, base);
    if (start.status !== 200 || !start.body.includes("<Gather")) throw new Error(`voice: ${start.status} ${start.body.slice(0, 200)}`);
    const say = { ...base, SpeechResult: "Wait, are you a robot?", Confidence: "0.93" };
    let last = "";
    for (let i = 0; i < TURNS_PER_CALL; i++) {
      const reply = await signedPost(`/api/telephony/twilio/gather?call=${placed.call_id}`, say);
      if (reply.status !== 200 || !reply.body.includes("<Play")) throw new Error(`gather ${i}: ${reply.status} ${reply.body.slice(0, 300)}`);
      measured?.push(reply.ms);
      last = reply.body;
    }
    return last;
  };
  // Two conversations warm the voice cache, the route chunks and the JIT.
  let twiml = await conversation(0, null);
  twiml = await conversation(1, null);
  const latencies: number[] = [];
  for (let n = 2; latencies.length < TURNS; n++) twiml = await conversation(n, latencies);
  return { latencies, twiml };
}

function bareServer(twiml: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "text/xml" }).end(twiml));
  });
  return new Promise((resolve) => server.listen(BARE_PORT, "127.0.0.1", () => resolve(server)));
}

async function bareLatency(): Promise<number[]> {
  const latencies: number[] = [];
  const body = new URLSearchParams({ CallSid: "CA" + "0".repeat(32), SpeechResult: "Wait, are you a robot?" }).toString();
  for (let i = 0; i < 20 + TURNS; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const req = http.request(`http://127.0.0.1:${BARE_PORT}/`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on("end", () => resolve());
      });
      req.on("error", reject);
      req.end(body);
    });
    if (i >= 20) latencies.push(performance.now() - t0);
  }
  return latencies;
}

// ── (b) concurrent calls at real time ────────────────────────────────────────────────────────────
function procStats(pid: number): { cpuSeconds: number; peakRssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime, in clock ticks (100/s)
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return { cpuSeconds: ticks / 100, peakRssMb: Number(hwm ?? 0) / 1024 };
}

/** The next-server process under `next start` (the one doing the work). */
function serverPid(parent: number): number {
  try {
    const children = readFileSync(`/proc/${parent}/task/${parent}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children[0] ?? parent;
  } catch {
    return parent;
  }
}

async function concurrentCalls(pool: pg.Pool, appPid: number) {
  const org = await organization(pool, "concurrent");
  const pid = serverPid(appPid);
  const before = procStats(pid);
  const started = performance.now();
  const ids: string[] = [];
  let refused = 0;
  // The 555-01NN test numbers: every persona, one call in flight per number.
  await Promise.all(
    Array.from({ length: CALLS }, async (_, i) => {
      const phone = `+1808555${String(100 + (i % 100)).padStart(4, "0")}`;
      try {
        ids.push((await api<{ call_id: string }>("/api/calls", { method: "POST", token: org.token, body: JSON.stringify({ phone_number: phone, agent_id: org.agentId, settings: { recording: true, transcription: true, max_duration: SECONDS } }) })).call_id);
      } catch (error) {
        refused++;
        console.error(String(error));
      }
    }),
  );
  const deadline = started + (SECONDS + 60) * 1000;
  let final = 0;
  let errors = 0;
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2000));
    const { rows } = await pool.query<{ status: string; n: number }>("SELECT status::text, count(*)::int AS n FROM calls WHERE organization_id = $1 GROUP BY status", [org.organizationId]);
    final = rows.filter((r) => !["initiated", "ringing", "in_progress"].includes(r.status)).reduce((s, r) => s + r.n, 0);
    if (final >= ids.length) break;
  }
  const { rows: failures } = await pool.query<{ code: string; message: string; n: number }>(
    "SELECT e.detail->>'error_code' AS code, min(e.detail->>'error_message') AS message, count(*)::int AS n FROM call_events e JOIN calls c ON c.id = e.call_id WHERE c.organization_id = $1 AND e.detail ? 'error_code' GROUP BY 1",
    [org.organizationId],
  );
  errors = failures.reduce((sum, f) => sum + f.n, 0);
  for (const f of failures) console.log(`  provider error ${f.code} ×${f.n}: ${f.message}`);
  const { rows: reasons } = await pool.query<{ ended_reason: string; n: number }>("SELECT coalesce(ended_reason, status::text) AS ended_reason, count(*)::int AS n FROM calls WHERE organization_id = $1 GROUP BY 1 ORDER BY 2 DESC", [org.organizationId]);
  const after = procStats(pid);
  const seconds = (performance.now() - started) / 1000;
  const { rows: apologies } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM calls WHERE organization_id = $1 AND transcription LIKE '%something went wrong%'", [org.organizationId]);
  return { placed: ids.length, refused, final, errors, seconds, cpuSeconds: after.cpuSeconds - before.cpuSeconds, peakRssMb: after.peakRssMb, reasons, apologies: apologies[0]!.n };
}

// ── (c) the lists at scale ───────────────────────────────────────────────────────────────────────
async function* chunks(rows: number, row: (i: number) => string) {
  for (let start = 0; start < rows; start += 5000) {
    let text = "";
    for (let i = start; i < Math.min(rows, start + 5000); i++) text += row(i);
    yield text;
  }
}

async function loadCalls(pool: pg.Pool, tag: string, organizationId: string, agentId: string, rows: number) {
  const client = await pool.connect();
  try {
    const first = Date.now() - 60 * 86_400_000;
    const span = 60 * 86_400_000 - 3_600_000;
    const statuses = ["completed", "completed", "completed", "no_answer", "busy", "failed"];
    await pipeline(
      Readable.from(
        chunks(rows, (i) => {
          const at = new Date(first + Math.floor((i * span) / rows)).toISOString();
          const status = statuses[i % statuses.length]!;
          return `call_${tag}${String(i).padStart(8, "0")}\t${organizationId}\t${agentId}\t+1${2_000_000_000 + i}\t${status}\t${status === "completed" ? 60 : 0}\t0.02\t${at}\t${at}\n`;
        }),
      ),
      client.query(copyFrom("COPY calls (id, organization_id, agent_id, phone, status, duration_seconds, cost, started_at, ended_at) FROM STDIN")),
    );
  } finally {
    client.release();
  }
}

async function main() {
  buildInto(DIST, args);
  const database = await scratchDatabase(ADMIN_URL, `vocelio_calls_${process.pid}`, { AUTH_SECRET: SECRET });
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  let app: ChildProcess | undefined;
  let bare: http.Server | undefined;
  try {
    // (a) and (c): the simulator crawls, so nothing but the bench moves a call.
    app = startApp(database.url, 0.0001);
    await waitFor(`${BASE}/api/health`, 60_000);
    let turns: { latencies: number[]; twiml: string } | null = null;
    let bareTurns: number[] = [];
    if (ONLY.includes("a")) {
      turns = await turnLatency(pool);
      bare = await bareServer(turns.twiml);
      bareTurns = await bareLatency();
    }
    const listResults: { name: string; large: Result; small: Result }[] = [];
    if (ONLY.includes("c")) {
      const big = await organization(pool, "big");
      const small = await organization(pool, "small");
      const t0 = performance.now();
      await loadCalls(pool, "b", big.organizationId, big.agentId, ROWS);
      await loadCalls(pool, "s", small.organizationId, small.agentId, SMALL_ROWS);
      console.log(`loaded ${ROWS} + ${SMALL_ROWS} calls in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await pool.query("VACUUM ANALYZE calls");
      await pool.query("CHECKPOINT");
      const lists = [
        ["GET /api/calls", "/api/calls?limit=20"],
        ["GET /api/calls?status=failed", "/api/calls?limit=20&status=failed"],
        ["GET /api/calls?agent_id=…", "/api/calls?limit=20&agent_id=AGENT"],
        ["GET /api/calls/active", "/api/calls/active"],
      ] as const;
      const options = { requests: 300, connections: 4, warmup: 30, maxSeconds: 60 };
      for (const [name, path] of lists) {
        const large = await measure(PORT, { path: path.replace("AGENT", big.agentId), token: big.token }, options);
        const smallResult = await measure(PORT, { path: path.replace("AGENT", small.agentId), token: small.token }, options);
        listResults.push({ name, large, small: smallResult });
      }
    }
    await stop(app);

    // (b) real time.
    let concurrent: Awaited<ReturnType<typeof concurrentCalls>> | null = null;
    if (ONLY.includes("b")) {
      app = startApp(database.url, 1);
      await waitFor(`${BASE}/api/health`, 60_000);
      concurrent = await concurrentCalls(pool, app.pid!);
    }

    const p = (xs: number[], q: number) => quantile(xs, q);
    if (turns) {
      console.log(`\n(a) turn latency: speech result → TwiML, voice cache warm, sequential, ${TURNS_PER_CALL}-turn conversations`);
      console.log(`  next start : p50 ${ms(p(turns.latencies, 0.5))}  p95 ${ms(p(turns.latencies, 0.95))}  (n=${turns.latencies.length})`);
      console.log(`  bare http  : p50 ${ms(p(bareTurns, 0.5))}  p95 ${ms(p(bareTurns, 0.95))}`);
      console.log(`  ratio p95  : ${(p(turns.latencies, 0.95) / p(bareTurns, 0.95)).toFixed(1)}×  (target ≤ 3×)`);
    }
    if (concurrent) {
      console.log(`\n(b) ${CALLS} concurrent calls at real time (limit ${SECONDS} s each)`);
      console.log(`  placed ${concurrent.placed} (refused ${concurrent.refused}), final ${concurrent.final}, provider errors ${concurrent.errors}, apologies ${concurrent.apologies}, in ${concurrent.seconds.toFixed(0)} s`);
      console.log(`  app CPU ${concurrent.cpuSeconds.toFixed(1)} s (${((concurrent.cpuSeconds / concurrent.seconds) * 100).toFixed(0)} % of one core), peak RSS ${concurrent.peakRssMb.toFixed(0)} MB`);
      console.log(`  endings: ${concurrent.reasons.map((r) => `${r.ended_reason} ${r.n}`).join(", ")}`);
    }
    if (listResults.length) {
      console.log(`\n(c) lists: ${ROWS.toLocaleString("en-US")} calls vs ${SMALL_ROWS.toLocaleString("en-US")} (p50, 4 connections)`);
      for (const r of listResults) {
        console.log(`  ${r.name.padEnd(32)} ${ms(r.large.p50).padStart(10)} vs ${ms(r.small.p50).padStart(10)}  ratio ${(r.large.p50 / r.small.p50).toFixed(2)}×  (target ≤ 1.5×)  errors ${r.large.errors + r.small.errors}`);
      }
    }
  } finally {
    await stop(app);
    bare?.close();
    await pool.end();
    await database.drop();
  }
}

await main();
