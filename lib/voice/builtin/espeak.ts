import "server-only";
// The built-in speech engine: espeak-ng compiled to WebAssembly (the `espeak-ng` npm package, GPL-3.0,
// an optional dependency — README "Licences"). The package is the espeak-ng command line: one run of
// `main` per synthesis, writing a WAV into its virtual file system. Synthesis is CPU-bound (~0.2 s for a
// sentence), so it runs on a worker thread, never on the thread that serves requests; the worker
// compiles the 18 MB module once and instantiates it per synthesis (compiling is most of the cost).
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export type EspeakArgs = {
  /** espeak voice (language) name, e.g. "en-us". */
  voice: string;
  /** Variant file name, e.g. "f3" or "Andrea". */
  variant: string;
  /** Words per minute (80–450). */
  rate: number;
  /** Base pitch, 0–99. */
  pitch: number;
  /** Pitch range as SSML prosody range ("x-low" … "x-high"): how much the voice moves. */
  range: "x-low" | "low" | "medium" | "high" | "x-high";
};

export class SpeechEngineUnavailable extends Error {}

// Runs in the worker (CommonJS, evaluated from this string so it needs no file of its own in the build).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
let ready = null;
function load() {
  ready ??= (async () => {
    const ESpeakNg = (await import(workerData.moduleUrl)).default;
    const compiled = await WebAssembly.compile(readFileSync(workerData.wasmPath));
    return { ESpeakNg, compiled };
  })();
  return ready;
}
// One synthesis at a time: each instantiates the module (tens of MB of memory), and they are CPU-bound
// on this one thread anyway — a burst of requests overlapping here grew the process by gigabytes.
let queue = Promise.resolve();
parentPort.on("message", (message) => {
  queue = queue.then(() => synthesize(message));
});
async function synthesize({ id, argv }) {
  try {
    const { ESpeakNg, compiled } = await load();
    const errors = [];
    const instance = await ESpeakNg({
      arguments: argv,
      print() {},
      printErr(line) { errors.push(line); },
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(compiled, imports).then((inst) => done(inst, compiled));
        return {};
      },
    });
    let wav;
    try { wav = instance.FS.readFile("/out.wav"); } catch { throw new Error(errors.join("; ") || "espeak-ng wrote no audio"); }
    const copy = new Uint8Array(wav);
    parentPort.postMessage({ id, wav: copy }, [copy.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
}
`;

type Pending = { resolve: (wav: Buffer) => void; reject: (error: Error) => void };
type Queued = Pending & { argv: string[] };

/** A synthesis that takes longer than this has hung the engine: it is failed and the worker replaced. */
const SYNTHESIS_TIMEOUT_MS = 30_000;

// One synthesis in the worker at a time (it is serial anyway), chosen here: live speech (an agent's
// next line, a preview) before background speech (the simulator voicing callees for recordings).
const g = globalThis as typeof globalThis & {
  __vocelioEspeak?: { worker: Worker; pending: Map<number, Pending>; next: number };
  __vocelioEspeakQueue?: { live: Queued[]; background: Queued[]; busy: boolean };
};

function locate(): { moduleUrl: string; wasmPath: string } {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  let entry: string;
  try {
    entry = require.resolve("espeak-ng");
  } catch {
    throw new SpeechEngineUnavailable("The built-in speech engine (the optional espeak-ng package) is not installed");
  }
  return { moduleUrl: pathToFileURL(entry).href, wasmPath: path.join(path.dirname(entry), "espeak-ng.wasm") };
}

let installed: boolean | undefined;

/** Whether the optional espeak-ng package is installed (`npm install --omit=optional` leaves it out). */
export function espeakInstalled(): boolean {
  if (installed === undefined) {
    try {
      locate();
      installed = true;
    } catch {
      installed = false;
    }
  }
  return installed;
}

function engine() {
  if (g.__vocelioEspeak) return g.__vocelioEspeak;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: locate() });
  worker.unref(); // an idle engine never keeps the process alive
  const state = { worker, pending: new Map<number, Pending>(), next: 1 };
  worker.on("message", (message: { id: number; wav?: Uint8Array; error?: string }) => {
    const waiting = state.pending.get(message.id);
    if (!waiting) return;
    state.pending.delete(message.id);
    if (message.wav) waiting.resolve(Buffer.from(message.wav.buffer, message.wav.byteOffset, message.wav.byteLength));
    else waiting.reject(new Error(`Speech synthesis failed: ${message.error}`));
  });
  const fail = (error: Error) => {
    // A dead worker fails what it held; the next synthesis starts a new one.
    if (g.__vocelioEspeak === state) g.__vocelioEspeak = undefined;
    for (const waiting of state.pending.values()) waiting.reject(error);
    state.pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The speech engine stopped (exit code ${code})`)));
  g.__vocelioEspeak = state;
  return state;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Speaks `text` and returns a 16-bit mono WAV (22,050 Hz). */
function queue() {
  g.__vocelioEspeakQueue ??= { live: [], background: [], busy: false };
  return g.__vocelioEspeakQueue;
}

/** Sends the next waiting synthesis to the worker, if it is free. */
function pump(): void {
  const q = queue();
  if (q.busy) return;
  const job = q.live.shift() ?? q.background.shift();
  if (!job) return;
  q.busy = true;
  const state = engine();
  const id = state.next++;
  const timer = setTimeout(() => {
    // A hung engine: the worker is replaced (its exit fails what it held, this one included).
    void state.worker.terminate();
  }, SYNTHESIS_TIMEOUT_MS);
  timer.unref();
  const done = () => {
    clearTimeout(timer);
    q.busy = false;
    if (state.pending.size === 0) state.worker.unref();
    pump();
  };
  state.pending.set(id, {
    resolve: (wav) => {
      done();
      job.resolve(wav);
    },
    reject: (error) => {
      done();
      job.reject(error);
    },
  });
  state.worker.ref(); // busy: keep the process alive until the answer arrives
  state.worker.postMessage({ id, argv: job.argv });
}

export function synthesizeWithEspeak(text: string, args: EspeakArgs, options: { background?: boolean } = {}): Promise<Buffer> {
  // SSML (-m) carries the pitch range; the text is escaped so it is always read, never parsed.
  const argv = [
    "-m",
    "-v", `${args.voice}+${args.variant}`,
    "-s", String(Math.round(args.rate)),
    "-p", String(Math.round(args.pitch)),
    "-w", "/out.wav",
    `<speak><prosody range="${args.range}">${escapeXml(text)}</prosody></speak>`,
  ];
  return new Promise<Buffer>((resolve, reject) => {
    queue()[options.background ? "background" : "live"].push({ resolve, reject, argv });
    pump();
  });
}
