// The offline understanding against a labelled corpus of 505 things people say on the phone
// (./corpus: written apart from the rules, speech-recognition errors included). dev.json is what
// the rules were developed against; heldout.json was written separately and kept out of development
// (its misses are never printed), and is the figure that counts. A question item is right only when
// it also finds the right answer. See corpus/README.md for how the two sets came to be.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { understand } from "@/lib/agents/understanding/understand";
import { RENEWALS_KNOWLEDGE } from "@/lib/agents/understanding/corpus/renewals-knowledge";
import { resolveCallbackTime } from "@/lib/agents/understanding/callback-time";
import { INTENTS } from "@/lib/agents/vocabulary";

type Item = { text: string; intent: string; context: "yes_no" | "open" | "time" | "greeting"; knowledge?: string };

function corpus(name: "dev" | "train" | "heldout"): Item[] {
  const file = path.join(import.meta.dirname, "corpus", `${name}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Item[];
}

const NOW = new Date("2026-03-07T20:00:00Z");

function accuracy(items: Item[]) {
  const misses: string[] = [];
  for (const item of items) {
    const u = understand(item.text, { context: item.context, knowledge: RENEWALS_KNOWLEDGE, timeZone: "America/New_York", now: NOW });
    if (u.intent !== item.intent || (item.knowledge && u.knowledgeId !== item.knowledge)) misses.push(`${item.intent} → ${u.intent}/${u.knowledgeId}: ${item.text}`);
  }
  return { accuracy: 1 - misses.length / items.length, misses };
}

describe("the labelled corpus", () => {
  it("is large and varied enough to mean something", () => {
    const all = [...corpus("dev"), ...corpus("train"), ...corpus("heldout")];
    expect(all.length).toBeGreaterThanOrEqual(300);
    // The held-out set shares no utterance with what the model learns from.
    const learned = new Set([...corpus("dev"), ...corpus("train")].map((i) => i.text.toLowerCase()));
    expect(corpus("heldout").filter((i) => learned.has(i.text.toLowerCase()))).toEqual([]);
    for (const intent of INTENTS) expect(all.filter((i) => i.intent === intent).length, intent).toBeGreaterThanOrEqual(20);
    expect(corpus("heldout").length).toBeGreaterThanOrEqual(100);
  });

  it("held-out accuracy is at least 90 %", () => {
    const { accuracy: held, misses } = accuracy(corpus("heldout"));
    console.info(`held-out accuracy ${(held * 100).toFixed(1)} % (${misses.length} misses)`);
    expect(held).toBeGreaterThanOrEqual(0.9);
  });

  it("development accuracy stays at least 95 %", () => {
    expect(accuracy(corpus("dev")).accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe("entities and confidence", () => {
  it("finds money and numbers, and scales confidence by speech recognition's", () => {
    const sure = understand("is it more than $50 a month for 25 seats", { context: "open", knowledge: [], timeZone: "UTC", now: NOW });
    expect(sure.entities).toEqual(
      expect.arrayContaining([
        { type: "money", text: "$50", value: 50 },
        { type: "number", text: "25", value: 25 },
      ]),
    );
    const unsure = understand("is it more than $50 a month for 25 seats", { context: "open", knowledge: [], timeZone: "UTC", now: NOW, asrConfidence: 0.5 });
    expect(unsure.confidence).toBeCloseTo(sure.confidence * 0.5, 1);
  });

  it("reads negations: not interested, and not not interested", () => {
    const read = (text: string) => understand(text, { context: "yes_no", knowledge: [], timeZone: "UTC", now: NOW }).intent;
    expect(read("I'm not interested")).toBe("not_interested");
    expect(read("I'm not not interested")).toBe("interested");
    expect(read("no, I'm not interested")).toBe("not_interested");
    // A clear yes to the offer outranks the words around it.
    expect(read("hell yes, sign me up")).toBe("interested");
    expect(read("I'm retired, but yes, renew it")).toBe("interested");
  });
});

describe("callback times in the lead's zone", () => {
  const at = (text: string, zone = "America/New_York", now = NOW) => resolveCallbackTime(text, zone, now)?.at.toISOString() ?? null;
  it("keeps the wall-clock hour across the spring-forward change", () => {
    expect(at("tomorrow at 3")).toBe("2026-03-08T19:00:00.000Z"); // 15:00 EDT
    expect(at("monday at 10am")).toBe("2026-03-09T14:00:00.000Z"); // 10:00 EDT
  });
  it("keeps it across the fall-back change too, and in zones without DST", () => {
    const fall = new Date("2026-10-31T18:00:00Z"); // Saturday 14:00 EDT; clocks go back Sunday
    expect(at("tomorrow at 3", "America/New_York", fall)).toBe("2026-11-01T20:00:00.000Z"); // 15:00 EST
    expect(at("tomorrow at 3", "America/Phoenix", fall)).toBe("2026-11-01T22:00:00.000Z"); // MST all year
  });
  it("reads parts of the day and relative times", () => {
    expect(at("next tuesday morning")).toBe("2026-03-10T13:00:00.000Z");
    expect(at("in an hour")).toBe("2026-03-07T21:00:00.000Z");
    expect(at("after five")).toBe("2026-03-07T22:00:00.000Z"); // today 17:00: it is 15:00 now
    expect(at("at 2")).toBe("2026-03-08T18:00:00.000Z"); // 14:00 has passed today: tomorrow, 14:00 EDT
    expect(at("not right now")).toBeNull();
    expect(at("in 9000 years")).toBeNull();
  });
});
