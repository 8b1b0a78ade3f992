// npm run bench:agent [-- --passes 3]
// Per-turn decision time of the conversation engine, in this process, over every utterance of the
// labelled corpus (dev, train and held-out), each as the caller's answer to the demo Renewals agent's
// first question:
// 1. the offline path (understanding + rules + flow engine) — target p95 ≤ 20 ms — beside the NLP
//    library's own cost on the same texts (wink-nlp reading the utterance), for scale;
// 2. the LLM path through the real AI SDK against a zero-latency local chat-completions server (the
//    engine's own overhead: prompt, request, parsing, validation) beside a bare fetch of the same
//    request body to the same server, side by side in this run.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { converse } from "@/lib/agents/engine/converse";
import { INITIAL_STATE, type ConversationState, type RunContext } from "@/lib/agents/engine/types";
import { withKnowledgeIds } from "@/lib/agents/validate-agent";
import { intentModel } from "@/lib/agents/understanding/understand";
import { startLlmFixture } from "@/lib/testing/llm-fixture";
import { RENEWALS_AGENT } from "@/prisma/demo-agents";

const args = process.argv.slice(2);
const PASSES = Number(args[args.indexOf("--passes") + 1] || 3) || 3;

const corpusDir = path.join(import.meta.dirname, "../lib/agents/understanding/corpus");
const texts = ["dev", "train", "heldout"].flatMap((name) => {
  const file = path.join(corpusDir, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { text: string }[]).map((item) => item.text) : [];
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

function run(engine: "flow" | "llm"): RunContext {
  return {
    agent: { ...RENEWALS_AGENT, engine, id: "agent_bench", knowledge: withKnowledgeIds(RENEWALS_AGENT.knowledge) },
    lead: { first_name: "Maya", company: "Northwind", custom: { plan: "Team", renewal_month: "April" } },
    organizationName: "Demo Org",
    timeZone: "America/Chicago",
    recorded: true,
  };
}

async function turnTimes(runContext: RunContext, opening: ConversationState, llm: Parameters<typeof converse>[3], passes: number) {
  const times: number[] = [];
  const at = new Date(Date.parse("2026-12-01T16:00:10Z"));
  for (let pass = 0; pass < passes; pass++) {
    for (const text of texts) {
      const started = performance.now();
      await converse(runContext, opening, { kind: "utterance", text, confidence: 0.9, at }, llm);
      times.push(performance.now() - started);
    }
  }
  return times;
}

async function main() {
  console.log(`corpus: ${texts.length} utterances × ${PASSES} passes`);
  const flowRun = run("flow");
  // The intent model trains on its first use in a process (a server warms it at start): reported apart.
  const training = performance.now();
  intentModel();
  console.log(`training the intent model (once per process): ${fmt(performance.now() - training)}`);
  const first = performance.now();
  const opening = (await converse(flowRun, INITIAL_STATE, { kind: "start", at: new Date("2026-12-01T16:00:00Z") }, null)).state;
  await converse(flowRun, opening, { kind: "utterance", text: "hello", confidence: 1, at: new Date("2026-12-01T16:00:05Z") }, null);
  console.log(`first turn: ${fmt(performance.now() - first)}`);

  const nlp = winkNLP(model);
  const readTimes: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const text of texts) {
      const started = performance.now();
      nlp.readDoc(text).entities().out();
      readTimes.push(performance.now() - started);
    }
  }
  const flowTimes = await turnTimes(flowRun, opening, null, PASSES);
  console.log("\noffline engine, per turn (understanding + rules + flow):");
  console.log(`  p50 ${fmt(percentile(flowTimes, 50))}  p95 ${fmt(percentile(flowTimes, 95))}  max ${fmt(Math.max(...flowTimes))}  (target p95 ≤ 20 ms: ${percentile(flowTimes, 95) <= 20 ? "met" : "MISSED"})`);
  console.log(`  wink-nlp readDoc + entities alone: p50 ${fmt(percentile(readTimes, 50))}  p95 ${fmt(percentile(readTimes, 95))}`);
  console.log(`  engine p95 / wink-nlp p95: ${(percentile(flowTimes, 95) / percentile(readTimes, 95)).toFixed(2)}×`);

  const fixture = await startLlmFixture();
  try {
    const llm = { apiKey: fixture.apiKey, baseUrl: fixture.url, model: "gpt-fixture", turnBudgetMs: 2500, pricePer1MInput: 0.15, pricePer1MOutput: 0.6 };
    const llmRun = run("llm");
    await turnTimes(llmRun, opening, llm, 1); // warm the HTTP agent and the SDK
    const before = fixture.requests.length;
    const llmTimes = await turnTimes(llmRun, opening, llm, PASSES);
    const sample = fixture.requests[before]!;
    const fallbacks = fixture.requests.length - before < llmTimes.length ? llmTimes.length - (fixture.requests.length - before) : 0;
    const fetchTimes: number[] = [];
    for (let i = 0; i < llmTimes.length; i++) {
      const started = performance.now();
      const response = await fetch(`${fixture.url}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${fixture.apiKey}` },
        body: JSON.stringify(sample),
      });
      await response.json();
      fetchTimes.push(performance.now() - started);
    }
    console.log("\nLLM engine against a zero-latency chat-completions server, per turn:");
    console.log(`  p50 ${fmt(percentile(llmTimes, 50))}  p95 ${fmt(percentile(llmTimes, 95))}  (${fallbacks} turns decided by the rules without the model)`);
    console.log(`  bare fetch of the same request: p50 ${fmt(percentile(fetchTimes, 50))}  p95 ${fmt(percentile(fetchTimes, 95))}`);
    console.log(`  engine overhead p50: ${fmt(percentile(llmTimes, 50) - percentile(fetchTimes, 50))}  ratio p50 ${(percentile(llmTimes, 50) / percentile(fetchTimes, 50)).toFixed(2)}×`);
  } finally {
    await fixture.close();
  }
}

await main();
