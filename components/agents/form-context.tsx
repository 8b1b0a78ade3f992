"use client";

// What every section of the agent editor shares: whether the user may edit, and the live problems
// from definitionProblems, keyed by field. A field's message is its schema (or server) error, else
// its live problems.
import { createContext, useContext } from "react";
import { get, useFormContext } from "react-hook-form";
import type { AgentFormInput, ProblemMap } from "@/components/agents/agent-form-schema";

export type EditorContext = { problems: ProblemMap; readOnly: boolean; agentName: string };

const Context = createContext<EditorContext>({ problems: new Map(), readOnly: false, agentName: "" });

export const EditorContextProvider = Context.Provider;

export function useEditorContext(): EditorContext {
  return useContext(Context);
}

function messageOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { message, root } = error as { message?: unknown; root?: unknown };
  if (typeof message === "string" && message) return message;
  return messageOf(root);
}

/** The message to show beside the input named `path`, if any. */
export function useFieldError(path: string): string | undefined {
  const {
    formState: { errors },
  } = useFormContext<AgentFormInput>();
  const { problems } = useEditorContext();
  const own = messageOf(get(errors, path));
  const live = problems.get(path) ?? [];
  return own ?? (live.length ? live.join(" ") : undefined);
}

/** Live problems about a field as a whole (a step), not any one input of it. */
export function useProblemsAt(path: string): string[] {
  return useEditorContext().problems.get(path) ?? [];
}
