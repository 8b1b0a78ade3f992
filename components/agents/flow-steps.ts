// Building and reshaping flow steps in the editor: a new step of a kind with a free name and sensible
// targets, a step turned into another kind (keeping its name and words), and where steps point.
import type { FlowInput, StepInput } from "@/components/agents/agent-form-schema";
import type { StepKind } from "@/components/agents/types";

/** A name no step has yet: say_2, ask_3… */
export function freeStepId(kind: StepKind, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${kind}_${n}`;
    if (!taken.includes(id)) return id;
  }
}

/** Where a new step points by default: the first step that ends the call, else the first step. */
function defaultTarget(steps: readonly StepInput[], self: string): string {
  const others = steps.filter((s) => s.id !== self);
  return (others.find((s) => s.kind === "end") ?? others[0])?.id ?? "";
}

function spokenText(step: StepInput | undefined): string {
  if (!step) return "";
  return step.kind === "answer" ? step.fallback : step.text;
}

export function makeStep(kind: StepKind, id: string, steps: readonly StepInput[], from?: StepInput): StepInput {
  const text = spokenText(from);
  const target = defaultTarget(steps, id);
  switch (kind) {
    case "say":
      return { id, kind, text, next: target };
    case "ask":
      return { id, kind, text, branches: [], otherwise: target, hints: [] };
    case "answer":
      return { id, kind, fallback: text || "I don't have that answer to hand, but a colleague can follow up.", next: target };
    case "transfer":
      return { id, kind, text: text || "Let me connect you with a colleague. One moment please.", on_failure: target };
    case "callback":
      return { id, kind, text: text || "Of course, I'll call you back {{callback.time}}. Thank you, goodbye!" };
    case "end":
      return { id, kind, text: text || "Thank you for your time, goodbye!", disposition: "not_interested" };
  }
}

/** Every field of every step (and the start) that names step `from`, as form paths. */
export function referencesTo(flow: FlowInput, from: string): string[] {
  const paths: string[] = flow.start === from ? ["flow.start"] : [];
  flow.steps.forEach((step, i) => {
    const at = `flow.steps.${i}`;
    switch (step.kind) {
      case "say":
      case "answer":
        if (step.next === from) paths.push(`${at}.next`);
        break;
      case "ask":
        (step.branches ?? []).forEach((branch, j) => {
          if (branch.next === from) paths.push(`${at}.branches.${j}.next`);
        });
        if (step.otherwise === from) paths.push(`${at}.otherwise`);
        break;
      case "transfer":
        if (step.on_failure === from) paths.push(`${at}.on_failure`);
        break;
      case "callback":
      case "end":
        break;
    }
  });
  return paths;
}
