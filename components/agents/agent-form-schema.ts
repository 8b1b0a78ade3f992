// The agent editor validates with the API's own schemas (lib/agents/schemas.ts), nested the way the
// request is, so a server error on "flow.steps.2.next" lands on the select of the same name. Only three
// fields differ on screen: the description and voicemail message are "" for none, and the transfer is
// an on/off switch with its target (the request's `transfer: null` is "off").
// What the schema cannot say (the flow's graph, template variables, outcomes the steps need) comes from
// definitionProblems, the same pure check the server runs, evaluated live as the user edits.
import type { Path } from "react-hook-form";
import { z } from "zod";
import { AGENT_DEFAULTS, DEFAULT_DISCLOSURE, DEFAULT_FLOW, agentDefinitionSchema, transferSchema } from "@/lib/agents/schemas";
import type { AgentDefinition, Flow, FlowStep } from "@/lib/agents/schemas";
import { definitionProblems, type DefinitionProblem } from "@/lib/agents/validate-agent";
import type { Agent, CreateAgentBody } from "@/components/agents/types";

const fields = agentDefinitionSchema.shape;

/** The whisper an agent gets when none is typed: the schema's own default. */
export const DEFAULT_WHISPER = transferSchema.shape.whisper.parse(undefined);

const transferInput = z
  .object({ enabled: z.boolean(), to: z.string().trim(), whisper: transferSchema.shape.whisper })
  .superRefine((transfer, ctx) => {
    if (!transfer.enabled) return;
    const to = transferSchema.shape.to.safeParse(transfer.to);
    if (!to.success) ctx.addIssue({ code: "custom", path: ["to"], message: transfer.to ? to.error.issues[0]?.message : "Enter a phone number" });
  })
  .transform((transfer) => (transfer.enabled ? { to: transfer.to, whisper: transfer.whisper ?? DEFAULT_WHISPER } : null));

export const agentFormSchema = z.object({
  name: fields.name,
  description: z
    .string()
    .trim()
    .max(2000)
    .transform((text) => text || null),
  language: fields.language,
  voice_id: z.string().min(1, "Choose a voice").max(64),
  engine: fields.engine,
  first_message: fields.first_message,
  disclosure: fields.disclosure,
  instructions: fields.instructions,
  flow: fields.flow,
  knowledge: fields.knowledge,
  outcomes: fields.outcomes,
  transfer: transferInput,
  voicemail_message: z
    .string()
    .trim()
    .max(1000)
    .transform((text) => text || null),
  max_duration_seconds: fields.max_duration_seconds,
  silence: fields.silence,
});

export type AgentFormInput = z.input<typeof agentFormSchema>;
export type AgentFormOutput = z.output<typeof agentFormSchema>;
export type FlowInput = AgentFormInput["flow"];
export type StepInput = FlowInput["steps"][number];

/** The request body: the form's output is already the request's shape. */
export function toRequestBody(values: AgentFormOutput): CreateAgentBody {
  return values;
}

export function newAgentDefaults(): AgentFormInput {
  return {
    name: "",
    description: "",
    language: AGENT_DEFAULTS.language,
    voice_id: "",
    engine: AGENT_DEFAULTS.engine,
    first_message: "",
    disclosure: DEFAULT_DISCLOSURE,
    instructions: AGENT_DEFAULTS.instructions,
    flow: structuredClone(DEFAULT_FLOW),
    knowledge: [],
    outcomes: [...AGENT_DEFAULTS.outcomes],
    transfer: { enabled: false, to: "agents", whisper: DEFAULT_WHISPER },
    voicemail_message: "",
    max_duration_seconds: AGENT_DEFAULTS.max_duration_seconds,
    silence: { ...AGENT_DEFAULTS.silence },
  };
}

export function agentDefaults(agent: Agent): AgentFormInput {
  return {
    name: agent.name,
    description: agent.description ?? "",
    language: agent.language,
    voice_id: agent.voice_id,
    engine: agent.engine,
    first_message: agent.first_message,
    disclosure: agent.disclosure,
    instructions: agent.instructions,
    flow: structuredClone(agent.flow),
    knowledge: agent.knowledge.map((entry) => ({ ...entry })),
    outcomes: [...agent.outcomes],
    transfer: agent.transfer ? { enabled: true, ...agent.transfer } : { enabled: false, to: "agents", whisper: DEFAULT_WHISPER },
    voicemail_message: agent.voicemail_message ?? "",
    max_duration_seconds: agent.max_duration_seconds,
    silence: { ...agent.silence },
  };
}

/** A step as the engine reads it (defaults filled in), for the live checks. */
function stepDefinition(step: StepInput): FlowStep {
  if (step.kind !== "ask") return step;
  return {
    ...step,
    branches: step.branches ?? [],
    hints: step.hints ?? [],
    capture: step.capture ? { field: step.capture.field, kind: step.capture.kind ?? "text" } : undefined,
  };
}

export function flowDefinition(flow: FlowInput): Flow {
  return { start: flow.start, steps: flow.steps.map(stepDefinition) };
}

/** The form's current values as a definition, unvalidated, for definitionProblems. */
export function formDefinition(values: AgentFormInput): AgentDefinition {
  return {
    name: values.name,
    description: values.description || null,
    language: values.language,
    voice_id: values.voice_id,
    engine: values.engine,
    first_message: values.first_message,
    disclosure: values.disclosure,
    instructions: values.instructions,
    flow: flowDefinition(values.flow),
    knowledge: values.knowledge,
    outcomes: values.outcomes,
    transfer: values.transfer.enabled ? { to: values.transfer.to, whisper: values.transfer.whisper ?? DEFAULT_WHISPER } : null,
    voicemail_message: values.voicemail_message || null,
    max_duration_seconds: values.max_duration_seconds,
    silence: { timeout_seconds: values.silence.timeout_seconds ?? 5, reprompts: values.silence.reprompts ?? 2 },
  };
}

/** Problems by the field they belong to ("flow.steps.2.next", "flow.steps.2" for the whole step). */
export type ProblemMap = ReadonlyMap<string, string[]>;

export function problemMap(problems: DefinitionProblem[]): ProblemMap {
  const map = new Map<string, string[]>();
  for (const { field, message } of problems) {
    // An id named twice is about the knowledge entry, whose id is not an input here.
    const key = /^knowledge\.\d+\.id$/.test(field) ? field.replace(/id$/, "question") : field;
    const list = map.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    map.set(key, list);
  }
  return map;
}

export function liveProblems(values: AgentFormInput): DefinitionProblem[] {
  return definitionProblems(formDefinition(values));
}

// The request's fields that have an input of the same name in the editor.
const FORM_FIELDS = [
  /^(name|description|language|voice_id|engine|first_message|disclosure|instructions|outcomes|voicemail_message|max_duration_seconds)$/,
  /^silence\.(timeout_seconds|reprompts)$/,
  /^transfer\.(to|whisper)$/,
  /^flow\.start$/,
  /^flow\.steps\.\d+\.(id|text|next|otherwise|fallback|on_failure|disposition|hints)$/,
  /^flow\.steps\.\d+\.branches\.\d+\.(intents|next)$/,
  /^flow\.steps\.\d+\.capture\.(field|kind)$/,
  /^knowledge\.\d+\.(question|answer)$/,
];

/** The API's error fields that land on an input (the rest are shown above the form). */
export function formFieldMap(errorFields: readonly { field: string }[]): Partial<Record<string, Path<AgentFormInput>>> {
  const map: Partial<Record<string, Path<AgentFormInput>>> = {};
  for (const { field } of errorFields) {
    // The patterns above only admit paths of the form's own shape.
    if (FORM_FIELDS.some((pattern) => pattern.test(field))) map[field] = field as Path<AgentFormInput>;
  }
  return map;
}
