// What the schema cannot say about an agent: every template names a known variable, and the flow is
// a graph with no dead ends — every reference names a step, every step is reachable from the start,
// and from every step some path ends the conversation (a flow that could only loop is refused).
// Pure: the editor shows the same problems inline before saving.
import type { AgentDefinition, Flow, FlowStep, KnowledgeEntry } from "@/lib/agents/schemas";
import { unknownVariables } from "@/lib/agents/templates";
import { claimsToBeHuman } from "@/lib/agents/honesty";

export type DefinitionProblem = { field: string; code: "VALIDATION_002" | "VALIDATION_003"; message: string };

/** Where each step may go next. */
export function stepTargets(step: FlowStep): { field: string; to: string }[] {
  switch (step.kind) {
    case "say":
    case "answer":
      return [{ field: "next", to: step.next }];
    case "ask":
      return [...step.branches.map((b, i) => ({ field: `branches.${i}.next`, to: b.next })), { field: "otherwise", to: step.otherwise }];
    case "transfer":
      return [{ field: "on_failure", to: step.on_failure }];
    case "callback":
    case "end":
      return [];
  }
}

/** Steps that end the conversation (a transfer ends it when someone answers). */
const ENDS_HERE = new Set<FlowStep["kind"]>(["end", "callback", "transfer"]);

export function flowProblems(flow: Flow): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const byId = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    if (byId.has(step.id)) problems.push({ field: `flow.steps.${i}.id`, code: "VALIDATION_003", message: `Step "${step.id}" is named twice` });
    else byId.set(step.id, i);
  });
  if (!byId.has(flow.start)) problems.push({ field: "flow.start", code: "VALIDATION_003", message: `No step is named "${flow.start}"` });
  flow.steps.forEach((step, i) => {
    for (const target of stepTargets(step)) {
      if (!byId.has(target.to)) problems.push({ field: `flow.steps.${i}.${target.field}`, code: "VALIDATION_003", message: `No step is named "${target.to}"` });
    }
    if (step.kind === "ask") {
      const seen = new Set<string>();
      step.branches.forEach((b, j) => {
        for (const intent of b.intents) {
          if (seen.has(intent)) problems.push({ field: `flow.steps.${i}.branches.${j}.intents`, code: "VALIDATION_003", message: `"${intent}" already has a branch at this step` });
          seen.add(intent);
        }
      });
    }
  });
  if (problems.length) return problems;

  // Reachable from the start.
  const reached = new Set<string>([flow.start]);
  const queue = [flow.start];
  while (queue.length) {
    const step = flow.steps[byId.get(queue.shift()!)!]!;
    for (const { to } of stepTargets(step)) {
      if (reached.has(to)) continue;
      reached.add(to);
      queue.push(to);
    }
  }
  // Can end: walk backwards from the steps that end the conversation.
  const incoming = new Map<string, string[]>();
  for (const step of flow.steps) for (const { to } of stepTargets(step)) incoming.set(to, [...(incoming.get(to) ?? []), step.id]);
  const ends = new Set(flow.steps.filter((s) => ENDS_HERE.has(s.kind)).map((s) => s.id));
  const back = [...ends];
  while (back.length) {
    for (const from of incoming.get(back.pop()!) ?? []) {
      if (ends.has(from)) continue;
      ends.add(from);
      back.push(from);
    }
  }

  flow.steps.forEach((step, i) => {
    if (!reached.has(step.id)) problems.push({ field: `flow.steps.${i}`, code: "VALIDATION_003", message: `Step "${step.id}" can never be reached from the start` });
    else if (!ends.has(step.id)) {
      problems.push({ field: `flow.steps.${i}`, code: "VALIDATION_003", message: `From step "${step.id}" the conversation can never end (it would loop forever)` });
    }
  });
  return problems;
}

/** Every problem with a complete definition; empty when it may be saved. */
export function definitionProblems(agent: AgentDefinition): DefinitionProblem[] {
  const problems = flowProblems(agent.flow);
  const texts: [string, string | null | undefined][] = [
    ["first_message", agent.first_message],
    ["disclosure", agent.disclosure],
    ["voicemail_message", agent.voicemail_message],
    ["transfer.whisper", agent.transfer?.whisper],
    ...agent.knowledge.map((k, i): [string, string] => [`knowledge.${i}.answer`, k.answer]),
    ...agent.flow.steps.flatMap((s, i): [string, string][] => {
      if (s.kind === "answer") return [[`flow.steps.${i}.fallback`, s.fallback]];
      return [[`flow.steps.${i}.text`, s.text]];
    }),
  ];
  for (const [field, text] of texts) {
    if (!text) continue;
    if (claimsToBeHuman(text)) problems.push({ field, code: "VALIDATION_003", message: "An agent never claims to be human" });
    for (const name of unknownVariables(text)) {
      problems.push({ field, code: "VALIDATION_002", message: `Unknown variable {{${name}}}: use lead.first_name, lead.last_name, lead.company, lead.email, lead.phone, lead.custom.<column>, agent.name, organization.name or callback.time` });
    }
  }
  const outcomes = new Set(agent.outcomes);
  agent.flow.steps.forEach((s, i) => {
    const needs = s.kind === "end" ? s.disposition : s.kind === "transfer" ? "transferred" : s.kind === "callback" ? "callback" : null;
    if (needs && !outcomes.has(needs)) problems.push({ field: `flow.steps.${i}`, code: "VALIDATION_003", message: `Sets the outcome "${needs}", which is not in the agent's outcomes` });
    if (s.kind === "transfer" && !agent.transfer) problems.push({ field: `flow.steps.${i}`, code: "VALIDATION_003", message: "A transfer step needs the agent's transfer target" });
  });
  const ids = new Set<string>();
  withKnowledgeIds(agent.knowledge).forEach((k, i) => {
    if (ids.has(k.id)) problems.push({ field: `knowledge.${i}.id`, code: "VALIDATION_003", message: `"${k.id}" is used twice` });
    ids.add(k.id);
  });
  return problems;
}

/** Knowledge entries with their ids filled in (kb_<position> where the author gave none). */
export function withKnowledgeIds(entries: { id?: string; question: string; answer: string }[]): KnowledgeEntry[] {
  return entries.map((e, i) => ({ ...e, id: e.id ?? `kb_${i + 1}` }));
}
