import "server-only";
// What the caller meant, offline: intent (./intent-rules.ts over ./normalise.ts), confidence, the
// entities wink-nlp finds, the knowledge entry a question matches, and a callback time resolved in
// the lead's own zone. Both engines start every turn from this.
import type { KnowledgeEntry } from "@/lib/agents/schemas";
import type { Entity, Intent } from "@/lib/agents/vocabulary";
import { resolveCallbackTime } from "@/lib/agents/understanding/callback-time";
import { classifyIntent, type Context } from "@/lib/agents/understanding/intent-rules";
import { trainIntentModel, type IntentModel, type LabelledUtterance } from "@/lib/agents/understanding/intent-model";
import devSet from "@/lib/agents/understanding/corpus/dev.json";
import trainSet from "@/lib/agents/understanding/corpus/train.json";
import { matchKnowledge } from "@/lib/agents/understanding/knowledge";
import { entities } from "@/lib/agents/understanding/nlp";
import { normaliseUtterance } from "@/lib/agents/understanding/normalise";

export type Understanding = {
  intent: Intent;
  confidence: number;
  entities: Entity[];
  knowledgeId: string | null;
  callbackAt: Date | null;
};

export type UnderstandOptions = { context: Context; knowledge: KnowledgeEntry[]; timeZone: string; now: Date; asrConfidence?: number };

// A question about the offer, the account or the service, even when the knowledge has no answer.
const ABOUT_US =
  /\b(paypal|phone|issue|problem|shut|shutting|turn off|switch off|plan|plans|account|service|subscription|premium|basic|package|contract|cancel\w*|renew\w*|support|data|information|records|privacy|payment|pay|card|invoice|trial|term|commitment|features?|storage|seats?|users?|upgrade|offer|product|company|policy|refund|warranty)\b/;

let model: IntentModel | null = null;

/** The statistical model, trained on first use from the development and training corpus. */
export function intentModel(): IntentModel {
  model ??= trainIntentModel(
    ([...devSet, ...trainSet] as LabelledUtterance[]).map((x) => ({ normalised: normaliseUtterance(x.text), intent: x.intent, context: x.context })),
  );
  return model;
}

/** The rules decide when they are sure; when they are not (or find nothing), a confident model does. */
const RULES_SURE = 0.8;
const MODEL_SURE = 0.3;

export function understand(text: string, options: UnderstandOptions): Understanding {
  const normalised = normaliseUtterance(text);
  let { intent, confidence } = classifyIntent(normalised, options.context);
  if (confidence < RULES_SURE || intent === "unknown") {
    const predicted = intentModel().predict(normalised, options.context);
    if (predicted.probability >= MODEL_SURE) {
      intent = predicted.intent;
      confidence = Math.round(predicted.probability * 100) / 100;
    }
  }
  let knowledgeId: string | null = null;

  if (intent === "question" || intent === "price_question" || intent === "unknown") {
    // "How much is it?" has no content word of its own: a price question looks for the entry about price.
    const match = matchKnowledge(options.knowledge, intent === "price_question" ? `${normalised} price cost` : normalised);
    if (intent === "unknown" && match && match.score >= 2 && ABOUT_US.test(normalised)) {
      // "The premium features", said flat: still a question the knowledge answers.
      intent = "question";
      confidence = 0.6;
    }
    if (intent !== "unknown" && match) {
      knowledgeId = match.id;
      confidence = Math.min(0.95, confidence + Math.min(0.2, match.score / 20));
    }
    if (intent === "question" && !ABOUT_US.test(normalised) && (!match || match.score < 2)) {
      // "What's the weather like?" is a question, but not one for this call.
      intent = "unknown";
      confidence = 0.45;
    }
  }
  const callback = intent === "callback_request" ? resolveCallbackTime(normalised, options.timeZone, options.now) : null;
  const found = entities(text);
  return {
    intent,
    confidence: Math.round(confidence * (options.asrConfidence ?? 1) * 100) / 100,
    entities: found,
    knowledgeId,
    callbackAt: callback?.at ?? null,
  };
}
