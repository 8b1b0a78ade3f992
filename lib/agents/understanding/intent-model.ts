// A small statistical intent model beside the rules: multinomial logistic regression over words,
// word pairs and character n-grams of the normalised text (character n-grams carry over to words a
// recogniser mangled), plus what the agent had asked. It is trained, in about a tenth of a second,
// from the labelled corpus shipped with the code (corpus/train.json and corpus/dev.json — never the
// held-out set) the first time it is needed, and is deterministic: same data, same weights. Learning
// rate, regularisation and epochs were chosen by validation on part of the training data.
import type { Intent } from "@/lib/agents/vocabulary";
import { INTENTS } from "@/lib/agents/vocabulary";
import type { Context } from "@/lib/agents/understanding/intent-rules";

export type LabelledUtterance = { text: string; intent: Intent; context: Context };

const NEGATORS = new Set(["not", "never", "no", "nothing", "nobody", "cannot"]);
/** A crude stem: enough to let "renewing", "renewed" and "renews" share a feature. */
const stem = (w: string) => (w.length > 5 ? w.replace(/(ing|ed|es|s|ly)$/, "") : w);

export function features(normalised: string, context: Context): string[] {
  const words = normalised.split(" ").filter(Boolean);
  const out = [`ctx:${context}`, `len:${Math.min(words.length, 8)}`];
  let negation = 0;
  words.forEach((w, i) => {
    const s = stem(w);
    out.push(`w:${s}`, `cw:${context}:${s}`);
    // Words within three of a negator carry it: "not interested" and "interested" are different features.
    if (negation > 0) out.push(`neg:${s}`);
    negation = NEGATORS.has(w) ? 3 : Math.max(0, negation - 1);
    if (i + 1 < words.length) out.push(`b:${s}_${stem(words[i + 1]!)}`);
    if (i === 0) out.push(`first:${s}`);
    if (i === words.length - 1) out.push(`last:${s}`);
    const padded = `<${w}>`;
    for (let n = 3; n <= 5; n++) for (let j = 0; j + n <= padded.length; j++) out.push(`c${n}:${padded.slice(j, j + n)}`);
    if (i + 2 < words.length) out.push(`t:${s}_${stem(words[i + 1]!)}_${stem(words[i + 2]!)}`);
    if (i + 2 < words.length) out.push(`s:${s}__${stem(words[i + 2]!)}`);
  });
  // Character n-grams across word boundaries: "off your", "call back" survive a split or merged word.
  const joined = ` ${words.join(" ")} `;
  for (let j = 0; j + 6 <= joined.length; j++) if (joined.slice(j, j + 6).includes(" ")) out.push(`x6:${joined.slice(j, j + 6)}`);
  return out;
}

export type IntentModel = { predict: (normalised: string, context: Context) => { intent: Intent; probability: number } };

/** Trains the model (plain SGD, fixed order and seed-free: deterministic). */
export function trainIntentModel(examples: { normalised: string; intent: Intent; context: Context }[], epochs = 20): IntentModel {
  const index = new Map<string, number>();
  const encoded = examples.map((e) => {
    const ids = [...new Set(features(e.normalised, e.context))].map((f) => {
      let id = index.get(f);
      if (id === undefined) index.set(f, (id = index.size));
      return id;
    });
    return { ids, label: INTENTS.indexOf(e.intent) };
  });
  const classes = INTENTS.length;
  const weights = new Float64Array(index.size * classes);
  const bias = new Float64Array(classes);
  const scores = new Float64Array(classes);
  const lambda = 1e-4;

  const score = (ids: number[]) => {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = bias[c]!;
      for (const id of ids) s += weights[id * classes + c]!;
      scores[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += scores[c] = Math.exp(scores[c]! - max);
    for (let c = 0; c < classes; c++) scores[c]! /= sum;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = 0.1 / (1 + epoch * 0.3);
    // A fixed interleaving instead of a random shuffle: every epoch visits the examples in a new, reproducible order.
    const stride = 7919 % encoded.length || 1;
    for (let k = 0; k < encoded.length; k++) {
      const example = encoded[(k * stride + epoch) % encoded.length]!;
      score(example.ids);
      // Already right with near certainty: nothing to learn (and most of the later epochs' time saved).
      if (scores[example.label]! > 0.995) continue;
      for (let c = 0; c < classes; c++) {
        const gradient = scores[c]! - (c === example.label ? 1 : 0);
        bias[c]! -= rate * gradient;
        for (const id of example.ids) {
          const w = id * classes + c;
          weights[w] = weights[w]! - rate * (gradient + lambda * weights[w]!);
        }
      }
    }
  }

  return {
    predict(normalised, context) {
      const ids = features(normalised, context).flatMap((f) => {
        const id = index.get(f);
        return id === undefined ? [] : [id];
      });
      score([...new Set(ids)]);
      let best = 0;
      for (let c = 1; c < classes; c++) if (scores[c]! > scores[best]!) best = c;
      return { intent: INTENTS[best]!, probability: scores[best]! };
    },
  };
}
