// Prints the development corpus's misses (lib/agents/understanding/corpus/dev.json), for working
// on the intent rules. It never reads the held-out set: that one is measured only by its test.
//   node --conditions=react-server --import tsx scripts/corpus-misses.ts
import { readFileSync } from "node:fs";
import { understand } from "@/lib/agents/understanding/understand";
import { RENEWALS_KNOWLEDGE } from "@/lib/agents/understanding/corpus/renewals-knowledge";

type Item = { text: string; intent: string; context: "yes_no" | "open" | "time" | "greeting"; knowledge?: string };
const items = JSON.parse(readFileSync("lib/agents/understanding/corpus/dev.json", "utf8")) as Item[];
let right = 0;
for (const item of items) {
  const u = understand(item.text, { context: item.context, knowledge: RENEWALS_KNOWLEDGE, timeZone: "America/New_York", now: new Date("2026-03-07T20:00:00Z") });
  if (u.intent === item.intent && (!item.knowledge || u.knowledgeId === item.knowledge)) right++;
  else console.log(`${item.intent.padEnd(16)} → ${u.intent.padEnd(16)} ${(u.knowledgeId ?? "").padEnd(20)} ${item.knowledge ?? ""} | ${item.text}`);
}
console.log(`dev: ${right}/${items.length} = ${((right / items.length) * 100).toFixed(1)} %`);
