import "server-only";
// Which knowledge entry answers a caller's question: BM25 over stems of each entry's question
// (weighted ×2) and answer, with a few spoken synonyms folded together ("cost" and "price", "quit"
// and "cancel"). BM25 is written out here (30 lines) because the packaged one refuses collections
// under three documents, and an agent may know just one answer. Indexes are cached per knowledge.
import type { KnowledgeEntry } from "@/lib/agents/schemas";
import { stems } from "@/lib/agents/understanding/nlp";

const SYNONYMS: Record<string, string> = {
  cost: "price", fee: "price", charg: "price", pai: "pay", paypal: "pay", payment: "pay", card: "pay", invoic: "pay", transfer: "pay",
  quit: "cancel", stop: "cancel", termin: "cancel", end: "cancel", shut: "cancel", shutting: "cancel", off: "cancel",
  expir: "renew", left: "renew", run: "renew", lapse: "renew", due: "renew", auto: "renew", renewal: "renew",
  term: "contract", commit: "contract", commitment: "contract", lock: "contract", minimum: "contract",
  help: "support", night: "support", issu: "support", problem: "support", someon: "support", helplin: "support", servic: "support", phone: "support", contact: "support", reach: "support",
  privaci: "data", secur: "data", inform: "data", record: "data", gdpr: "data", store: "data", stor: "data",
  test: "trial", try: "trial", demo: "trial", free: "trial",
  featur: "premium", includ: "premium", extra: "premium", get: "premium",
};
const K1 = 1.2;
const B = 0.75;

type Doc = { id: string; terms: Map<string, number>; length: number };
type Index = { docs: Doc[]; idf: Map<string, number>; avgLength: number };

function terms(text: string): string[] {
  return stems(text).map((s) => SYNONYMS[s] ?? s);
}

const cache = new Map<string, Index>();

function buildIndex(entries: KnowledgeEntry[]): Index {
  const docs = entries.map((e) => {
    const bag = new Map<string, number>();
    for (const term of [...terms(e.question), ...terms(e.question), ...terms(e.answer)]) bag.set(term, (bag.get(term) ?? 0) + 1);
    return { id: e.id, terms: bag, length: [...bag.values()].reduce((a, b) => a + b, 0) };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const term of d.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  // BM25+ style idf: never negative, so a term in every entry still counts a little.
  const idf = new Map([...df].map(([term, f]) => [term, Math.log(1 + (n - f + 0.5) / (f + 0.5))]));
  return { docs, idf, avgLength: docs.reduce((a, d) => a + d.length, 0) / Math.max(1, n) };
}

function indexFor(entries: KnowledgeEntry[]): Index {
  const key = JSON.stringify(entries.map((e) => [e.id, e.question, e.answer]));
  let index = cache.get(key);
  if (!index) {
    if (cache.size > 200) cache.clear();
    index = buildIndex(entries);
    cache.set(key, index);
  }
  return index;
}

export type KnowledgeMatch = { id: string; score: number };

/** The best entry for a question, or null when nothing shares enough meaning with it. */
export function matchKnowledge(entries: KnowledgeEntry[], question: string): KnowledgeMatch | null {
  if (!entries.length) return null;
  const index = indexFor(entries);
  const query = new Set(terms(question));
  let best: KnowledgeMatch | null = null;
  for (const doc of index.docs) {
    let score = 0;
    for (const term of query) {
      const f = doc.terms.get(term);
      if (!f) continue;
      score += (index.idf.get(term) ?? 0) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / index.avgLength)));
    }
    if (score > 0 && (!best || score > best.score)) best = { id: doc.id, score };
  }
  return best && best.score >= 0.5 ? best : null;
}
