// One schema for an agent's definition: it validates API requests, types the engines and drives the
// editor. Stored definitions are always complete (defaults filled at creation) and valid: templates
// name known variables and the flow has no dead ends (lib/agents/validate-agent.ts).
import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { timeZoneSchema } from "@/lib/users/schemas";
import { DISPOSITIONS, INTENTS } from "@/lib/agents/vocabulary";
import { disclosesAutomation } from "@/lib/agents/honesty";

const RANGE = { params: { code: "VALIDATION_003" } } as const;

export const AGENT_ENGINES = ["flow", "llm"] as const;
export type AgentEngine = (typeof AGENT_ENGINES)[number];

/** Intents a branch may name: an opt-out is handled by the rules in code at every step, never by a branch. */
export const BRANCH_INTENTS = INTENTS.filter((i) => i !== "opt_out");
export const CAPTURE_KINDS = ["text", "date", "time", "money", "number"] as const;

const spoken = (max: number) => z.string().trim().min(1, "Must say something").max(max);
const stepId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Must be lowercase letters, digits and _ (starting with a letter), at most 40")
  .meta({ description: "The step's name, unique in the flow" });
const fieldName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Must be lowercase letters, digits and _ (starting with a letter)");

const sayStep = z.strictObject({ id: stepId, kind: z.literal("say"), text: spoken(1000), next: stepId });
const askStep = z.strictObject({
  id: stepId,
  kind: z.literal("ask"),
  text: spoken(1000),
  branches: z
    .array(z.strictObject({ intents: z.array(z.enum(BRANCH_INTENTS)).min(1).max(BRANCH_INTENTS.length), next: stepId }))
    .max(20)
    .default([]),
  otherwise: stepId.meta({ description: "Where an answer no branch takes goes (after the unclear-answer reprompts)" }),
  capture: z
    .strictObject({ field: fieldName, kind: z.enum(CAPTURE_KINDS).default("text") })
    .optional()
    .meta({ description: "Record the answer (or the entity of this kind in it) into a field" }),
  hints: z.array(z.string().trim().min(1).max(100)).max(50).default([]).meta({ description: "Words speech recognition should expect" }),
});
const answerStep = z.strictObject({
  id: stepId,
  kind: z.literal("answer"),
  fallback: spoken(1000).meta({ description: "Said when the knowledge has no answer to the caller's last question" }),
  next: stepId,
});
const transferStep = z.strictObject({
  id: stepId,
  kind: z.literal("transfer"),
  text: spoken(1000).meta({ description: "Said before connecting" }),
  on_failure: stepId.meta({ description: "Where the conversation goes when nobody takes the transfer" }),
});
const callbackStep = z.strictObject({
  id: stepId,
  kind: z.literal("callback"),
  text: spoken(1000).meta({ description: "The confirmation; {{callback.time}} is the agreed time" }),
});
const endStep = z.strictObject({ id: stepId, kind: z.literal("end"), text: spoken(1000), disposition: z.enum(DISPOSITIONS) });

export const flowStepSchema = z.discriminatedUnion("kind", [sayStep, askStep, answerStep, transferStep, callbackStep, endStep]).meta({ id: "AgentFlowStep" });
export type FlowStep = z.infer<typeof flowStepSchema>;
export type AskStep = z.infer<typeof askStep>;

export const flowSchema = z
  .strictObject({
    start: stepId.meta({ description: "The first step after the disclosure and the first message" }),
    steps: z.array(flowStepSchema).min(1).max(100),
  })
  .meta({ id: "AgentFlow" });
export type Flow = z.infer<typeof flowSchema>;

export const knowledgeEntrySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .meta({ description: "Stable name; default kb_<position>" }),
  question: z.string().trim().min(3).max(500),
  answer: spoken(2000),
});
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema> & { id: string };

export const transferSchema = z
  .strictObject({
    to: z
      .string()
      .trim()
      .regex(/^(agents|\+[1-9]\d{6,14})$/, 'Must be a number in E.164 (+15551234567) or "agents" (your organization\'s available agents)'),
    whisper: z.string().trim().max(500).default("Transferring {{lead.first_name}} from {{organization.name}}'s AI agent."),
  })
  .meta({ id: "AgentTransfer" });

export const silenceSchema = z.strictObject({
  timeout_seconds: z.number().int().min(1).max(30).default(5),
  reprompts: z.number().int().min(0).max(5).default(2).meta({ description: "Silences (or unclear answers) the agent reprompts before it ends politely" }),
});

export const DEFAULT_DISCLOSURE =
  "Hi, this is {{agent.name}}, an automated AI voice assistant calling on behalf of {{organization.name}}.";

const definitionFields = {
  description: z.string().trim().max(2000).nullable(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Must be a language tag such as en-US"),
  voice_id: z.string().min(1).max(64),
  engine: z.enum(AGENT_ENGINES),
  first_message: spoken(1000),
  disclosure: z
    .string()
    .trim()
    .min(1, "The disclosure cannot be removed")
    .max(1000)
    .refine(disclosesAutomation, {
      message: "Must say that this is an automated or AI voice",
      ...RANGE,
    })
    .meta({ description: "Spoken before anything else: that this is an automated AI voice, who is calling and why. \"This call is recorded.\" follows when it is." }),
  instructions: z.string().trim().max(8000),
  flow: flowSchema,
  knowledge: z.array(knowledgeEntrySchema).max(200),
  outcomes: z.array(z.enum(DISPOSITIONS)).min(1).max(DISPOSITIONS.length),
  transfer: transferSchema.nullable(),
  voicemail_message: z.string().trim().max(1000).nullable(),
  max_duration_seconds: z.number().int().min(30).max(3600),
  silence: silenceSchema,
};

export const DEFAULT_FLOW: Flow = {
  start: "interest",
  steps: [
    {
      id: "interest",
      kind: "ask",
      text: "Would you like to hear more?",
      branches: [
        { intents: ["affirm", "interested"], next: "close" },
        { intents: ["deny", "not_interested"], next: "goodbye" },
        { intents: ["question", "price_question"], next: "answer" },
      ],
      otherwise: "goodbye",
      hints: [],
    },
    { id: "answer", kind: "answer", fallback: "I don't have that answer to hand, but a colleague can follow up.", next: "interest" },
    { id: "close", kind: "end", text: "Wonderful, a colleague will be in touch shortly. Thank you, goodbye!", disposition: "interested" },
    { id: "goodbye", kind: "end", text: "No problem at all. Thank you for your time, goodbye!", disposition: "not_interested" },
  ],
};

export const AGENT_DEFAULTS = {
  description: null,
  language: "en-US",
  engine: "flow" as AgentEngine,
  disclosure: DEFAULT_DISCLOSURE,
  instructions: "",
  flow: DEFAULT_FLOW,
  knowledge: [],
  outcomes: ["interested", "not_interested", "callback", "do_not_call", "wrong_number", "no_response"] as (typeof DISPOSITIONS)[number][],
  transfer: null,
  voicemail_message: null,
  max_duration_seconds: 600,
  silence: { timeout_seconds: 5, reprompts: 2 },
};

export const agentDefinitionSchema = z.strictObject({ name: z.string().trim().min(1).max(100), ...definitionFields });
/** A complete, stored definition. */
export type AgentDefinition = z.infer<typeof agentDefinitionSchema>;

export const createAgentSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  voice_id: definitionFields.voice_id,
  first_message: definitionFields.first_message,
  description: definitionFields.description.optional(),
  language: definitionFields.language.optional(),
  engine: definitionFields.engine.optional(),
  disclosure: definitionFields.disclosure.optional(),
  instructions: definitionFields.instructions.optional(),
  flow: definitionFields.flow.optional(),
  knowledge: definitionFields.knowledge.optional(),
  outcomes: definitionFields.outcomes.optional(),
  transfer: definitionFields.transfer.optional(),
  voicemail_message: definitionFields.voicemail_message.optional(),
  max_duration_seconds: definitionFields.max_duration_seconds.optional(),
  silence: definitionFields.silence.optional(),
});
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

export const updateAgentSchema = createAgentSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change");
export type UpdateAgentInput = z.infer<typeof updateAgentSchema>;

export const agentIdParams = z.object({ agent_id: z.string().min(1).max(64) });

export const listAgentsQuery = paginationQuery(["name", "created_at", "updated_at"]).extend({
  order: z.enum(["asc", "desc"]).default("asc"),
  engine: z.enum(AGENT_ENGINES).optional(),
  search: z.string().trim().max(100).optional().meta({ description: "Part of the name or description" }),
});
export type ListAgentsQuery = z.infer<typeof listAgentsQuery>;

// Test conversations ------------------------------------------------------------------------------

export const sampleLeadSchema = z
  .strictObject({
    first_name: z.string().trim().max(100).optional(),
    last_name: z.string().trim().max(100).optional(),
    company: z.string().trim().max(200).optional(),
    email: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(32).optional(),
    timezone: timeZoneSchema.optional().meta({ description: "The lead's zone (callback times are read in it); default: your organization's" }),
    custom: z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/), z.string().max(500)).optional(),
  })
  .meta({ id: "SampleLead" });
export type SampleLead = z.infer<typeof sampleLeadSchema>;

export const startConversationSchema = z.strictObject({
  lead: sampleLeadSchema.optional().meta({ description: "Sample lead data the templates use" }),
  recorded: z.boolean().default(true).meta({ description: "Whether the disclosure says the call is recorded" }),
});
export type StartConversationInput = z.infer<typeof startConversationSchema>;

const turnKinds = (v: { text?: string; silence?: true; event?: string }) => [v.text, v.silence, v.event].filter((x) => x !== undefined).length;
export const conversationTurnSchema = z
  .strictObject({
    text: z
      .string()
      .max(2000)
      .refine((t) => t.trim().length > 0, { message: "Say something, or send silence: true", params: { code: "VALIDATION_001" } })
      .optional()
      .meta({ description: "What the caller said" }),
    confidence: z.number().min(0).max(1).default(1).meta({ description: "Speech recognition's confidence in the text" }),
    silence: z.literal(true).optional().meta({ description: "The caller said nothing before the listen timeout" }),
    event: z.enum(["transfer_failed", "time_running_out"]).optional().meta({ description: "Something the call reports" }),
  })
  .refine((v) => turnKinds(v) > 0, { message: "Send text, silence: true or an event", params: { code: "VALIDATION_001" } })
  .refine((v) => turnKinds(v) < 2, { message: "Send only one of text, silence and event", params: { code: "VALIDATION_002" } });
export type ConversationTurnInput = z.infer<typeof conversationTurnSchema>;

export const conversationParams = z.object({ agent_id: z.string().min(1).max(64), conversation_id: z.string().min(1).max(64) });
