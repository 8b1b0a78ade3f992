import "server-only";
// wink-nlp with its English web model (MIT, ships in the npm package): tokens, stems, stop words and
// entities (dates, times, money, numbers), offline. Loaded once per process, on first use (~100 ms).
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Entity, EntityType } from "@/lib/agents/vocabulary";

let instance: ReturnType<typeof winkNLP> | null = null;

function nlp() {
  instance ??= winkNLP(model);
  return instance;
}

const ENTITY_TYPES: Record<string, EntityType> = {
  DATE: "date",
  TIME: "time",
  DURATION: "duration",
  MONEY: "money",
  CARDINAL: "number",
  ORDINAL: "number",
};

/** Content words as stems (stop words and punctuation dropped), for matching questions to knowledge. */
export function stems(text: string): string[] {
  const its = nlp().its;
  const doc = nlp().readDoc(text.toLowerCase());
  const out: string[] = [];
  doc.tokens().each((token: { out: (f: unknown) => unknown }) => {
    if (token.out(its.type) !== "word" && token.out(its.type) !== "number") return;
    if (token.out(its.stopWordFlag)) return;
    out.push(String(token.out(its.stem)));
  });
  return out;
}

export function entities(text: string): Entity[] {
  const its = nlp().its;
  const found: Entity[] = [];
  for (const e of nlp().readDoc(text).entities().out(its.detail) as { value: string; type: string }[]) {
    const type = ENTITY_TYPES[e.type];
    if (!type) continue;
    if (type === "money") {
      const amount = Number(e.value.replace(/[^0-9.]/g, ""));
      found.push({ type, text: e.value, value: Number.isFinite(amount) ? amount : e.value });
    } else if (type === "number") {
      const n = Number(e.value.replace(/[^0-9.]/g, ""));
      found.push({ type, text: e.value, value: Number.isFinite(n) && e.value.trim() !== "" ? n : e.value });
    } else found.push({ type, text: e.value, value: e.value });
  }
  return found;
}

let lexiconSize: number | null = null;

const known = new Map<string, boolean>();

/** Whether wink's English lexicon knows the word (a word it does not know gets an id past its end). */
export function isKnownWord(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined) {
    const its = nlp().its;
    lexiconSize ??= nlp().readDoc("qzxvjkw").tokens().out(its.uniqueId)[0] as number;
    answer = (nlp().readDoc(word).tokens().out(its.uniqueId)[0] as number) < lexiconSize;
    if (known.size > 50_000) known.clear();
    known.set(word, answer);
  }
  return answer;
}

/** wink-nlp's sentiment of a text, −1 (negative) … 1 (positive), from its lexicon with negation handling. */
export function sentimentOf(text: string): number {
  return Number(nlp().readDoc(text).out(nlp().its.sentiment)) || 0;
}
