// npm run bench:voice [-- --sentences 50 --requests 2000 --no-build]
// 1. The built-in engine's speed: `--sentences` different sentences synthesized one after another
//    through the same worker the app uses; the real-time factor is seconds of audio per second of work
//    (target ≥ 20×). The first synthesis (compiling the engine) is reported apart.
// 2. POST /api/voice/generate cache hits: the app (built into its own folder, NEXT_DIST_DIR, default
//    .next-bench-voice; a scratch Postgres database, BENCH_DATABASE_URL; objects in a scratch data dir)
//    against a bare node:http server that reads the same stored file and sends it — the issue's
//    baseline (target: cache hits at ≥ 50 % of its requests/s) — and, for reference, a bare node:http +
//    pg server doing a cache hit's own work: the same three lookups (sign-in, voice, stored audio) and
//    an HMAC-signed link in JSON. All at 10 connections, one after the other in this run.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { synthesizeWithEspeak } from "../lib/voice/builtin/espeak";
import { espeakArgs } from "../lib/voice/builtin/provider";
import { BUILTIN_CATALOGUE } from "../lib/voice/builtin/catalogue";
import pg from "pg";
import { buildInto, measure, scratchDatabase, waitFor, type Result } from "./load";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SENTENCES = arg("sentences", 50);
const REQUESTS = arg("requests", 2000);
const CONNECTIONS = 10;
const DIST = process.env.NEXT_DIST_DIR || ".next-bench-voice";
const PORT = 3330;
const BARE_PORT = 3331;
const BARE_SQL_PORT = 3332;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECRET = "bench-secret-bench-secret-bench-secret-0000";

// Sentences an agent says on a call: greetings, questions, confirmations; different lengths.
const OPENINGS = ["Hi, this is Ava from Northwind Energy.", "Good afternoon, I'm calling about your recent enquiry.", "Thanks for picking up, this will only take a minute.", "Hello again, we spoke last Tuesday about your renewal."];
const MIDDLES = ["Would you like to hear about our new plan", "Is now still a good time to talk", "Can I confirm the address we have on file", "Are you the person who looks after the account", "Would a callback tomorrow morning suit you better"];
const ENDINGS = ["?", ", or shall I send the details by email?", " before we go through the options?", ", since the offer ends on the thirtieth?"];

function sentence(i: number): string {
  return `${OPENINGS[i % OPENINGS.length]} ${MIDDLES[(i * 7) % MIDDLES.length]}${ENDINGS[(i * 3) % ENDINGS.length]}`;
}

function wavSeconds(wav: Buffer): number {
  // espeak-ng writes a canonical 44-byte header; byte rate at offset 28.
  return (wav.length - 44) / wav.readUInt32LE(28);
}

async function synthesisSpeed() {
  const voice = BUILTIN_CATALOGUE.find((v) => v.key === "ava")!;
  const voiceArgs = espeakArgs(voice.espeak, { speed: 1, pitch: 1, stability: voice.stability });
  let t0 = performance.now();
  const first = await synthesizeWithEspeak("Warming up the engine.", voiceArgs);
  const firstMs = performance.now() - t0;
  let audio = 0;
  let characters = 0;
  t0 = performance.now();
  for (let i = 0; i < SENTENCES; i++) {
    const text = sentence(i);
    characters += text.length;
    audio += wavSeconds(await synthesizeWithEspeak(text, voiceArgs));
  }
  const work = (performance.now() - t0) / 1000;
  return { firstMs, firstAudio: wavSeconds(first), audio, work, characters, rtf: audio / work };
}

/** A cache hit's work without the framework: the sign-in join, the voice, the stored audio, a signed link. */
function bareSqlServer(url: string, sessionId: string, userId: string, voiceId: string, hash: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const identity = (await pool.query(
        `SELECT u.id AS user_id, o.id AS org_id, o.plan::text AS plan FROM auth_sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
         WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [sessionId, userId],
      )).rows[0] as { org_id: string };
      await pool.query("SELECT * FROM voices WHERE id = $1 AND (organization_id IS NULL OR organization_id = $2) LIMIT 1", [voiceId, identity.org_id]);
      const audio = (await pool.query("SELECT * FROM speech_audio WHERE organization_id = $1 AND content_hash = $2", [identity.org_id, hash])).rows[0] as { id: string; object_key: string };
      const expires = Math.floor(Date.now() / 1000) + 86_400;
      const signature = createHmac("sha256", SECRET).update(`${audio.object_key}\n${expires}\n`).digest("base64url");
      const body = JSON.stringify({ success: true, data: { audio_id: audio.id, audio_url: `http://127.0.0.1/${audio.object_key}?expires=${expires}&signature=${signature}`, cached: true } });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  server.listen(BARE_SQL_PORT, "127.0.0.1");
  return { server, pool };
}

function bareServer(file: string) {
  // Reads the stored file per request, as a file server without a cache would, and sends it.
  const server = http.createServer(async (_req, res) => {
    const bytes = await readFile(file);
    res.writeHead(200, { "content-type": "audio/wav", "content-length": bytes.length });
    res.end(bytes);
  });
  server.listen(BARE_PORT, "127.0.0.1");
  return server;
}

async function main() {
  const speed = await synthesisSpeed();
  console.log(
    `built-in synthesis: ${SENTENCES} sentences (${speed.characters} characters), ${speed.audio.toFixed(1)} s of audio in ${speed.work.toFixed(2)} s → ${speed.rtf.toFixed(1)}× real time (target ≥ 20×); first synthesis with engine start-up ${Math.round(speed.firstMs)} ms`,
  );

  buildInto(DIST, args);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vocelio-bench-voice-"));
  const database = await scratchDatabase(ADMIN_URL, `vocelio_voice_${process.pid}`, { AUTH_SECRET: SECRET });
  const url = database.url;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const env = { ...process.env, DATABASE_URL: url, VOCELIO_DATA_DIR: dataDir, NEXT_DIST_DIR: DIST, PORT: String(PORT), LOG_LEVEL: "warn", AUTH_SECRET: SECRET, NODE_ENV: "production" as const, PUBLIC_URL: `http://127.0.0.1:${PORT}` };
  let server: ChildProcess | undefined;
  let bare: http.Server | undefined;
  let bareSql: ReturnType<typeof bareSqlServer> | undefined;
  try {
    // BENCH_SERVER_NODE_ARGS passes Node flags to the server for profiling (e.g. "--cpu-prof").
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
    server = spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], { env, stdio: ["ignore", "inherit", "inherit"] });
    await waitFor(`http://127.0.0.1:${PORT}/api/health`, 60_000);
    const register = await fetch(`http://127.0.0.1:${PORT}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ organization_name: "Voice Bench", name: "Bench", email: `voice-${Date.now()}@example.com`, password: "bench-password-1" }),
    });
    const registered = ((await register.json()) as { data: { token: string; user: { id: string; organization_id: string } } }).data;
    const token = registered.token;
    // The per-organization hourly limit (25,000 on enterprise) is far above what one run sends.
    await pool.query("UPDATE organizations SET plan = 'enterprise' WHERE id = $1", [registered.user.organization_id]);
    const body = { text: "Hello, this is a test message", voice_id: "voice_ava" };
    const first = await fetch(`http://127.0.0.1:${PORT}/api/voice/generate`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const generated = ((await first.json()) as { data: { audio_url: string; cached: boolean } }).data;
    const key = decodeURIComponent(new URL(generated.audio_url).pathname.replace("/api/storage/objects/", ""));
    const file = path.join(dataDir, "objects", "data", ...key.split("/"));
    console.log(`stored audio: ${key} (${readFileSync(file).length} bytes)`);
    const load = { requests: REQUESTS, connections: CONNECTIONS, warmup: 50, maxSeconds: 60 };
    const app: Result = await measure(PORT, { method: "POST", path: "/api/voice/generate", token, body }, load);
    // For reference: the cheapest route of the same server (no sign-in, one trivial query), i.e. what a
    // request costs in this framework before any work of its own.
    const floor: Result = await measure(PORT, { path: "/api/health" }, load);
    bare = bareServer(file);
    await once(bare, "listening");
    const baseline: Result = await measure(BARE_PORT, { path: "/" }, load);
    const { rows: [session] } = await pool.query<{ id: string; user_id: string }>("SELECT id, user_id FROM auth_sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1", [registered.user.id]);
    const { rows: [stored] } = await pool.query<{ content_hash: string }>("SELECT content_hash FROM speech_audio WHERE organization_id = $1 LIMIT 1", [registered.user.organization_id]);
    bareSql = bareSqlServer(url, session!.id, session!.user_id, body.voice_id, stored!.content_hash);
    await once(bareSql.server, "listening");
    const sameWork: Result = await measure(BARE_SQL_PORT, { method: "POST", path: "/", body }, load);
    const share = app.rps / baseline.rps;
    console.log(`\n| server | p50 ms | p99 ms | req/s | errors |\n|---|---|---|---|---|`);
    console.log(`| POST /api/voice/generate (cache hit) | ${app.p50.toFixed(1)} | ${app.p99.toFixed(1)} | ${Math.round(app.rps)} | ${app.errors} |`);
    console.log(`| GET /api/health, same server (reference: the framework's floor) | ${floor.p50.toFixed(1)} | ${floor.p99.toFixed(1)} | ${Math.round(floor.rps)} | ${floor.errors} |`);
    console.log(`| bare node:http, same stored file | ${baseline.p50.toFixed(1)} | ${baseline.p99.toFixed(1)} | ${Math.round(baseline.rps)} | ${baseline.errors} |`);
    console.log(`| bare node:http + pg, a cache hit's lookups and signed link (reference) | ${sameWork.p50.toFixed(1)} | ${sameWork.p99.toFixed(1)} | ${Math.round(sameWork.rps)} | ${sameWork.errors} |`);
    console.log(`\ncache hits: ${Math.round(share * 100)} % of the file server's requests/s (target ≥ 50 %); ${Math.round((app.rps / sameWork.rps) * 100)} % of the same work without the framework`);
    const failed = speed.rtf < 20 || share < 0.5 || app.errors > 0;
    if (failed) process.exitCode = 1;
  } finally {
    bare?.close();
    bareSql?.server.close();
    await bareSql?.pool.end();
    if (server) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
    await rm(dataDir, { recursive: true, force: true });
    await pool.end();
    await database.drop();
  }
}

await main();
