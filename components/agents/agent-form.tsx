"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { FormProvider, useForm, useWatch, type Control } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ApiClientError } from "@/lib/client/api-client";
import { applyApiErrors } from "@/lib/client/form-errors";
import { cn } from "@/lib/client/cn";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import {
  agentFormSchema,
  formFieldMap,
  liveProblems,
  problemMap,
  toRequestBody,
  type AgentFormInput,
  type AgentFormOutput,
} from "@/components/agents/agent-form-schema";
import { AgentBasicsSection } from "@/components/agents/agent-basics-section";
import { AgentOpeningSection } from "@/components/agents/agent-opening-section";
import { EngineSection, InstructionsSection, LimitsSection, OutcomesSection, TransferSection } from "@/components/agents/agent-settings-sections";
import { EditorContextProvider } from "@/components/agents/form-context";
import { FlowEditor } from "@/components/agents/flow-editor";
import { KnowledgeSection } from "@/components/agents/knowledge-section";
import type { CreateAgentBody } from "@/components/agents/types";

/** The element that shows a problem of `field`, to bring it into view. */
function anchorFor(field: string): string {
  const step = /^flow\.steps\.(\d+)/.exec(field);
  if (step) return `flow-step-${step[1]}`;
  const entry = /^knowledge\.(\d+)/.exec(field);
  if (entry) return `knowledge-${entry[1]}-question`;
  const anchors: Record<string, string> = {
    "flow.start": "agent-flow-start",
    first_message: "agent-first-message",
    disclosure: "agent-disclosure",
    voicemail_message: "agent-voicemail",
    "transfer.whisper": "agent-transfer-whisper",
  };
  return anchors[field] ?? "agent-form";
}

const FIELDS = [
  "name",
  "description",
  "language",
  "voice_id",
  "engine",
  "first_message",
  "disclosure",
  "instructions",
  "flow",
  "knowledge",
  "outcomes",
  "transfer",
  "voicemail_message",
  "max_duration_seconds",
  "silence",
] as const satisfies readonly (keyof AgentFormInput)[];

/** Every value, re-rendered on each change (the live problems need the whole definition). Named
 *  fields rather than watch(), so the values keep their full types. */
function useAllValues(control: Control<AgentFormInput, unknown, AgentFormOutput>): AgentFormInput {
  const [name, description, language, voice_id, engine, first_message, disclosure, instructions, flow, knowledge, outcomes, transfer, voicemail_message, max_duration_seconds, silence] =
    useWatch({ control, name: FIELDS });
  return { name, description, language, voice_id, engine, first_message, disclosure, instructions, flow, knowledge, outcomes, transfer, voicemail_message, max_duration_seconds, silence };
}

export function AgentForm({
  defaultValues,
  readOnly = false,
  submitLabel,
  cancelHref,
  onSubmit,
  onDirtyChange,
}: {
  defaultValues: AgentFormInput;
  readOnly?: boolean;
  submitLabel: string;
  cancelHref?: string;
  /** Sends the definition; resolves with the form's new saved values, or throws the API's error. */
  onSubmit: (body: CreateAgentBody) => Promise<AgentFormInput | void>;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  // What the API said that no input shows; and whether a save was tried (problems then read as errors).
  const [serverError, setServerError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const form = useForm<AgentFormInput, unknown, AgentFormOutput>({
    resolver: zodResolver(agentFormSchema, { error: formErrorMessages }),
    defaultValues,
  });
  const values = useAllValues(form.control);
  const problems = liveProblems(values);
  const agentName = values.name;
  const dirty = form.formState.isDirty;

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const invalid = Object.keys(form.formState.errors).length > 0;

  const submit = form.handleSubmit(
    async (output) => {
      setServerError(null);
      setAttempted(true);
      const first = liveProblems(form.getValues())[0];
      if (first) {
        document.getElementById(anchorFor(first.field))?.scrollIntoView({ block: "center", behavior: "smooth" });
        return;
      }
      try {
        const saved = await onSubmit(toRequestBody(output));
        setAttempted(false);
        if (saved) form.reset(saved);
      } catch (error) {
        const fields = error instanceof ApiClientError ? error.fields : [];
        setServerError(applyApiErrors(error, form.setError, formFieldMap(fields)));
      }
    },
    () => {
      setServerError(null);
      setAttempted(true);
    },
  );

  const status: { tone: "error" | "warning" | "neutral"; text: string } | null = serverError
    ? { tone: "error", text: serverError }
    : attempted && problems.length
      ? { tone: "error", text: `${problems.length === 1 ? "One problem needs" : `${problems.length} problems need`} fixing before saving (marked below).` }
      : attempted && invalid
        ? { tone: "error", text: "Some fields need attention (marked below)." }
        : problems.length
          ? { tone: "warning", text: `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix before saving.` }
          : dirty
            ? { tone: "neutral", text: "Unsaved changes." }
            : null;

  return (
    <FormProvider {...form}>
      <EditorContextProvider value={{ problems: problemMap(problems), readOnly, agentName }}>
        <form id="agent-form" onSubmit={submit} noValidate className="space-y-6" data-testid="agent-form">
          {readOnly ? (
            <Alert tone="info" title="View only">
              Your role can test agents but not change them.
            </Alert>
          ) : null}
          <AgentBasicsSection />
          <AgentOpeningSection />
          <FlowEditor />
          <KnowledgeSection />
          <OutcomesSection />
          <TransferSection />
          <LimitsSection />
          <EngineSection />
          <InstructionsSection />

          {readOnly ? null : (
            <div className="sticky bottom-0 z-20 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:shadow-lg">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0 text-sm" aria-live="polite">
                  {status ? (
                    <p
                      role={status.tone === "error" ? "alert" : undefined}
                      data-testid={status.tone === "error" ? "agent-form-error" : "agent-form-status"}
                      className={cn(status.tone === "error" ? "font-medium text-red-700" : status.tone === "warning" ? "text-amber-800" : "text-slate-600")}
                    >
                      {status.text}
                    </p>
                  ) : null}
                </div>
                <div className="flex shrink-0 flex-col-reverse gap-2 sm:flex-row">
                  {cancelHref ? (
                    <Link href={cancelHref} className={buttonClasses({ variant: "secondary" })}>
                      Cancel
                    </Link>
                  ) : null}
                  <Button type="submit" pending={form.formState.isSubmitting}>
                    {submitLabel}
                  </Button>
                </div>
              </div>
            </div>
          )}
        </form>
      </EditorContextProvider>
    </FormProvider>
  );
}
