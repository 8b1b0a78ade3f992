// npm run bench:import [-- --rows 1000000 --pglite-rows 100000]
// Imports a generated, realistic CSV through the real endpoint (`next start`, multipart upload,
// background job) into Postgres, then loads the same rows with Postgres COPY into a table of the
// same shape as the baseline. Prints both times, rows/s, the ratio and the server's peak RSS; then
// the same import into the embedded PGlite. Needs a build (`npm run build`) and Postgres
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres for the admin connection).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, readFileSync } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";
import { seededRandom } from "../lib/seeded-random";
import { waitFor } from "./load";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = arg("rows", 1_000_000);
const PGLITE_ROWS = arg("pglite-rows", ROWS);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = 3300;
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-secret-bench-secret-bench-secret-0000";

// US area codes in service; exchanges 200–999 avoid N11 and reserved ranges often enough.
const AREAS = "201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219 224 225 228 229 231 234 239 240 248 251 252 253 254 256 260 262 267 269 270 276 281 301 302 303 304 305 307 308 309 310 312 313 314 315 316 317 318 319 320 321 323 325 330 334 336 337 339 347 352 360 361 385 386 401 402 404 405 406 407 408 409 410 412 413 414 415 417 419 423 424 425 432 434 435 440 443 469 470 478 479 480 484 501 502 503 504 505 507 508 509 510 512 513 515 516 517 518 520 530 540 541 551 559 561 562 563 567 570 571 573 574 575 580 585 586 601 602 603 605 606 607 608 609 610 612 614 615 616 617 618 619 620 623 626 630 631 636 641 646 650 651 660 661 662 678 701 702 703 704 706 707 708 712 713 714 715 716 717 718 719 720 724 727 731 732 734 740 754 757 760 763 765 770 772 773 774 775 781 785 786 801 802 803 804 805 806 808 810 812 813 814 815 816 817 818 828 830 831 832 843 845 847 850 856 857 858 859 860 862 863 864 865 870 901 903 904 906 907 908 909 910 912 913 914 915 916 917 918 919 920 925 928 931 936 937 940 941 949 951 952 954 956 970 971 972 973 978 979 980 985 989".split(" ");
const FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "Wei", "Priya", "Carlos", "Fatima", "Hiro", "Olga"];
const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Chen", "Patel", "Kim", "Nguyen"];

async function generate(rows: number): Promise<string> {
  const file = path.join(os.tmpdir(), `vocelio-bench-${rows}.csv`);
  if (existsSync(file)) return file;
  const next = seededRandom(rows);
  const out = createWriteStream(file);
  out.write("phone,first_name,last_name,email,company\n");
  const recent: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = next();
    let phone: string;
    if (r < 0.02) phone = r < 0.01 ? "555-01" : "not a number"; // ~2 % invalid
    else if (r < 0.03 && recent.length) phone = recent[Math.floor(next() * recent.length)]!; // ~1 % duplicates
    else {
      const area = AREAS[Math.floor(next() * AREAS.length)]!;
      const exchange = 200 + Math.floor(next() * 800);
      const line = String(Math.floor(next() * 10000)).padStart(4, "0");
      phone = `(${area}) ${exchange}-${line}`;
      if (recent.length < 5000) recent.push(phone);
      else recent[Math.floor(next() * 5000)] = phone;
    }
    const first = FIRST[Math.floor(next() * FIRST.length)]!;
    const last = LAST[Math.floor(next() * LAST.length)]!;
    if (!out.write(`${phone},${first},${last},${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com,Company ${i % 997}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return file;
}

function dbUrl(name: string) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

function peakRssMb(pid: number, field: "VmHWM" | "VmRSS" = "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function api<T>(pathName: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body && typeof init.body === "string") headers.set("content-type", "application/json");
  const response = await fetch(`${BASE}${pathName}`, { ...init, headers });
  const json = (await response.json()) as { success: boolean; data: T; error?: unknown };
  if (!json.success) throw new Error(`${pathName}: ${JSON.stringify(json.error)}`);
  return json.data;
}

async function runImport(label: string, env: Record<string, string>, file: string, rows: number) {
  // BENCH_SERVER_NODE_ARGS passes V8/Node flags to the server for profiling (e.g. "--trace-gc").
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server: ChildProcess = spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: { ...process.env, ...env, PORT: String(PORT), LOG_LEVEL: "warn", AUTH_SECRET: SECRET, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitFor(`${BASE}/api/health`, 60_000);
    const idleRss = peakRssMb(server.pid!, "VmRSS");
    const email = `bench-${Date.now()}@example.com`;
    const { token } = await api<{ token: string }>("/api/auth/register", {
      method: "POST",
      body: JSON.stringify({ organization_name: "Bench", name: "Bench", email, password: "bench-password-1" }),
    });
    const { campaign_id } = await api<{ campaign_id: string }>("/api/campaigns", {
      method: "POST",
      token,
      body: JSON.stringify({ name: `Bench ${rows}`, campaign_type: "outbound_sales" }),
    });
    const size = (await stat(file)).size;
    const boundary = `----vocelio-bench-${Date.now()}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) controller.enqueue(chunk as Uint8Array);
        controller.enqueue(new TextEncoder().encode(tail));
        controller.close();
      },
    });
    const started = performance.now();
    const upload = await fetch(`${BASE}/api/campaigns/${campaign_id}/leads`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const accepted = (await upload.json()) as { data: { import_id: string; total_rows: number } };
    const acceptedMs = performance.now() - started;
    // Where the peak comes from: the server idle, after the upload, and at the end.
    const phases = [`idle ${idleRss} MB`, `peak by the 202 ${peakRssMb(server.pid!)} MB`];
    let status: { status: string; imported: number; duplicates: number; invalid: number; processed_rows: number };
    for (;;) {
      status = await api(`/api/campaigns/${campaign_id}/leads/imports/${accepted.data.import_id}`, { token });
      if (status.status !== "processing") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const rss = peakRssMb(server.pid!);
    console.log(
      `${label}: ${rows} rows (${(size / 1e6).toFixed(1)} MB) in ${seconds.toFixed(2)} s — ${Math.round(rows / seconds)} rows/s; ` +
        `202 after ${(acceptedMs / 1000).toFixed(2)} s; status ${status.status}, imported ${status.imported}, duplicates ${status.duplicates}, invalid ${status.invalid}; server peak RSS ${rss} MB (${phases.join(", ")})`,
    );
    if (status.status !== "completed") throw new Error(`${label}: the import ended "${status.status}" (see the server log above)`);
    return { seconds, rss, campaignId: campaign_id };
  } finally {
    server.kill("SIGTERM");
    await once(server, "exit");
  }
}

async function copyBaseline(url: string, file: string, rows: number) {
  // Same rows, already shaped as the leads table, into a table of the same shape (its unique key
  // would reject the file's duplicates, so it is a plain index there).
  const shaped = path.join(os.tmpdir(), `vocelio-bench-${rows}-shaped.csv`);
  if (!existsSync(shaped)) {
    const lines = readFileSync(file, "utf8").split("\n").slice(1).filter(Boolean);
    const out = createWriteStream(shaped);
    lines.forEach((line, i) => {
      const [phone, first, last, email, company] = line.split(",");
      out.write(`lead_b${i},org_bench,campaign_bench,"${phone}",${first},${last},${email},${company},America/New_York,{}\n`);
    });
    out.end();
    await once(out, "finish");
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP TABLE IF EXISTS bench_copy");
  await client.query("CREATE TABLE bench_copy (LIKE leads INCLUDING DEFAULTS)");
  await client.query("CREATE INDEX ON bench_copy (campaign_id, phone)");
  await client.query("CREATE INDEX ON bench_copy (campaign_id, status)");
  await client.query("CREATE INDEX ON bench_copy (campaign_id, created_at, id)");
  await client.end();
  const started = performance.now();
  const result = spawnSync("psql", [url, "-qc", "\\copy bench_copy (id, organization_id, campaign_id, phone, first_name, last_name, email, company, timezone, custom_fields) FROM '" + shaped + "' WITH (FORMAT csv)"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  const seconds = (performance.now() - started) / 1000;
  console.log(`COPY baseline: ${rows} rows in ${seconds.toFixed(2)} s — ${Math.round(rows / seconds)} rows/s`);
  return seconds;
}

async function main() {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`Build first: npm run build (looked in ${dist})`);
  const file = await generate(Math.max(ROWS, PGLITE_ROWS));
  const benchDb = `vocelio_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${benchDb}`);
  const url = dbUrl(benchDb);
  try {
    const migrate = spawnSync(process.execPath, ["scripts/run.mjs", "db:migrate"], { env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: SECRET }, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(migrate.stderr || migrate.stdout);
    const rowsFile = ROWS === Math.max(ROWS, PGLITE_ROWS) ? file : await generate(ROWS);
    const pgRun = await runImport("Postgres import", { DATABASE_URL: url }, rowsFile, ROWS);
    // A sanity check on the data, not only the speed: zones inferred from the numbers' area codes.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const zones = await check.query<{ timezone: string; share: string }>(
      "SELECT timezone, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS share FROM leads GROUP BY timezone ORDER BY count(*) DESC LIMIT 4",
    );
    await check.end();
    console.log(`lead time zones: ${zones.rows.map((z) => `${z.timezone} ${z.share} %`).join(", ")}`);
    const copy = await copyBaseline(url, rowsFile, ROWS);
    console.log(`ratio import / COPY: ${(pgRun.seconds / copy).toFixed(2)}× (target ≤ 2.0×); peak RSS ${pgRun.rss} MB (target ≤ 300 MB)`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
    await admin.end();
  }
  if (PGLITE_ROWS > 0) {
    const dir = path.join(os.tmpdir(), `vocelio-bench-pglite-${process.pid}`);
    await mkdir(dir, { recursive: true });
    const prepare = spawnSync(process.execPath, ["scripts/run.mjs", "db:prepare"], { env: { ...process.env, DATABASE_URL: "", VOCELIO_DATA_DIR: dir }, encoding: "utf8" });
    if (prepare.status !== 0) throw new Error(prepare.stderr);
    const pgliteFile = PGLITE_ROWS === Math.max(ROWS, PGLITE_ROWS) ? file : await generate(PGLITE_ROWS);
    try {
      await runImport("PGlite import", { DATABASE_URL: "", VOCELIO_DATA_DIR: dir }, pgliteFile, PGLITE_ROWS);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
