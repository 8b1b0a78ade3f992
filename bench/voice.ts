// npm run bench:voice [-- --sentences 50 --requests 2000 --no-build]
// 1. The built-in engine's speed: `--sentences` different sentences synthesized one after another
//    through the same worker the app uses; the real-time factor is seconds of audio per second of work
//    (target ≥ 20×). The first synthesis (compiling the engine) is reported apart.
// 2. POST /api/voice/generate cache hits: the app (built into its own folder, NEXT_DIST_DIR, default
//    .next-bench-voice, on the embedded database in a scratch data dir) against a bare node:http server
//    that reads the same stored file and sends it, both at 10 connections, measured one after the other
//    in this run (target: cache hits at ≥ 50 % of the bare server's requests/s).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { synthesizeWithEspeak } from "../lib/voice/builtin/espeak";
import { espeakArgs } from "../lib/voice/builtin/provider";
import { BUILTIN_CATALOGUE } from "../lib/voice/builtin/catalogue";
import { measure, waitFor, type Result } from "./load";

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

  if (!args.includes("--no-build")) {
    console.log(`building into ${DIST} …`);
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { ...process.env, NEXT_DIST_DIR: DIST }, stdio: "inherit", timeout: 20 * 60_000 });
    if (build.status !== 0) throw new Error("next build failed");
  }
  if (!existsSync(path.join(DIST, "BUILD_ID"))) throw new Error(`No build in ${DIST}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vocelio-bench-voice-"));
  const env = { ...process.env, DATABASE_URL: "", VOCELIO_DATA_DIR: dataDir, NEXT_DIST_DIR: DIST, PORT: String(PORT), LOG_LEVEL: "warn", AUTH_SECRET: SECRET, NODE_ENV: "production" as const, PUBLIC_URL: `http://127.0.0.1:${PORT}` };
  const prepare = spawnSync(process.execPath, ["scripts/run.mjs", "db:prepare"], { env, encoding: "utf8" });
  if (prepare.status !== 0) throw new Error(prepare.stderr || prepare.stdout);
  let server: ChildProcess | undefined;
  let bare: http.Server | undefined;
  try {
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], { env, stdio: ["ignore", "inherit", "inherit"] });
    await waitFor(`http://127.0.0.1:${PORT}/api/health`, 60_000);
    const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", password: "vocelio-demo" }),
    });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const body = { text: "Hello, this is a test message", voice_id: "voice_ava" };
    const first = await fetch(`http://127.0.0.1:${PORT}/api/voice/generate`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const generated = ((await first.json()) as { data: { audio_url: string; cached: boolean } }).data;
    const key = decodeURIComponent(new URL(generated.audio_url).pathname.replace("/api/storage/objects/", ""));
    const file = path.join(dataDir, "objects", "data", ...key.split("/"));
    console.log(`stored audio: ${key} (${readFileSync(file).length} bytes)`);
    const load = { requests: REQUESTS, connections: CONNECTIONS, warmup: 50, maxSeconds: 60 };
    const app: Result = await measure(PORT, { method: "POST", path: "/api/voice/generate", token, body }, load);
    bare = bareServer(file);
    await once(bare, "listening");
    const baseline: Result = await measure(BARE_PORT, { path: "/" }, load);
    const share = app.rps / baseline.rps;
    console.log(`\n| server | p50 ms | p99 ms | req/s | errors |\n|---|---|---|---|---|`);
    console.log(`| POST /api/voice/generate (cache hit) | ${app.p50.toFixed(1)} | ${app.p99.toFixed(1)} | ${Math.round(app.rps)} | ${app.errors} |`);
    console.log(`| bare node:http, same stored file | ${baseline.p50.toFixed(1)} | ${baseline.p99.toFixed(1)} | ${Math.round(baseline.rps)} | ${baseline.errors} |`);
    console.log(`\ncache hits: ${Math.round(share * 100)} % of the bare server's requests/s (target ≥ 50 %)`);
    const failed = speed.rtf < 20 || share < 0.5 || app.errors > 0;
    if (failed) process.exitCode = 1;
  } finally {
    bare?.close();
    if (server) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
