"use client";

// An ask step's answers: branches (what the caller means → where to go), where anything else goes,
// what to record from the answer and the words speech recognition should expect.
import { useState } from "react";
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { BRANCH_INTENTS, CAPTURE_KINDS } from "@/lib/agents/schemas";
import { cn } from "@/lib/client/cn";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { CAPTURE_KIND_LABELS, INTENT_LABELS } from "@/components/agents/agent-labels";
import { useEditorContext, useFieldError } from "@/components/agents/form-context";
import { StepSelect } from "@/components/agents/step-select";

const MAX_BRANCHES = 20;

export function AskStepFields({ index }: { index: number }) {
  const { control, getValues } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const at = `flow.steps.${index}` as const;
  const prefix = `flow-step-${index}`;
  const { fields, append, remove } = useFieldArray({ control, name: `${at}.branches`, keyName: "key" });

  function addBranch() {
    const otherwise = getValues(`${at}.otherwise`);
    append({ intents: [], next: typeof otherwise === "string" ? otherwise : "" });
  }

  return (
    <>
      <div className="space-y-3">
        <p className="text-sm font-medium text-slate-700">When the caller means…</p>
        {fields.length === 0 ? <p className="text-sm text-slate-500">No branches: every answer goes where “anything else” goes.</p> : null}
        <ul className="space-y-3">
          {fields.map((field, j) => (
            <li key={field.key} className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="flow-branch">
              <div className="flex items-start gap-3">
                <div className="min-w-0 flex-1 space-y-3">
                  <IntentPicker index={index} branch={j} />
                  <StepSelect name={`${at}.branches.${j}.next`} id={`${prefix}-branch-${j}-next`} label="Goes to" className="sm:max-w-sm" />
                </div>
                {readOnly ? null : (
                  <button
                    type="button"
                    onClick={() => remove(j)}
                    aria-label={`Remove branch ${j + 1}`}
                    title="Remove this branch"
                    className="flex size-8 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-red-50 hover:text-red-700"
                  >
                    <TrashIcon className="size-4" />
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        {readOnly ? null : (
          <Button variant="ghost" size="sm" onClick={addBranch} disabled={fields.length >= MAX_BRANCHES}>
            <PlusIcon className="size-4" />
            Add a branch
          </Button>
        )}
      </div>
      <StepSelect
        name={`${at}.otherwise`}
        id={`${prefix}-otherwise`}
        label="Anything else goes to"
        hint="After the unclear-answer reprompts set under Limits."
        className="sm:max-w-sm"
      />
      <CaptureFields index={index} />
      <HintsField index={index} />
    </>
  );
}

function IntentPicker({ index, branch }: { index: number; branch: number }) {
  const { control } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const name = `flow.steps.${index}.branches.${branch}.intents` as const;
  const error = useFieldError(name);
  const labelId = `flow-step-${index}-branch-${branch}-intents`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const chosen = field.value ?? [];
        return (
        <div className="space-y-1.5">
          <p id={labelId} className="text-xs font-medium text-slate-600">
            Intents
          </p>
          <div role="group" aria-labelledby={labelId} aria-describedby={error ? `${labelId}-error` : undefined} className="flex flex-wrap gap-1.5">
            {BRANCH_INTENTS.map((intent, i) => {
              const on = chosen.includes(intent);
              return (
                <button
                  key={intent}
                  ref={i === 0 ? field.ref : undefined}
                  type="button"
                  aria-pressed={on}
                  disabled={readOnly}
                  onBlur={field.onBlur}
                  onClick={() => field.onChange(on ? chosen.filter((v) => v !== intent) : BRANCH_INTENTS.filter((v) => v === intent || chosen.includes(v)))}
                  className={cn(
                    "rounded-full border px-2.5 py-1 text-xs font-medium transition-colors disabled:cursor-default",
                    on ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
                  )}
                >
                  {INTENT_LABELS[intent]}
                </button>
              );
            })}
          </div>
          {error ? (
            <p id={`${labelId}-error`} className="text-xs font-medium text-red-600">
              {error}
            </p>
          ) : null}
        </div>
        );
      }}
    />
  );
}

function CaptureFields({ index }: { index: number }) {
  const { register, setValue } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const at = `flow.steps.${index}.capture` as const;
  const prefix = `flow-step-${index}-capture`;
  const capture = useWatch<AgentFormInput, typeof at>({ name: at });
  const fieldError = useFieldError(`${at}.field`);
  const kindError = useFieldError(`${at}.kind`);
  return (
    <div className="space-y-3">
      <CheckboxField
        id={prefix}
        label="Record the answer"
        hint="Saved on the lead's call under a field name, e.g. the renewal date they mention."
        checked={Boolean(capture)}
        disabled={readOnly}
        onChange={(event) => setValue(at, event.target.checked ? { field: "answer", kind: "text" } : undefined, { shouldDirty: true })}
      />
      {capture ? (
        <div className="grid gap-4 sm:grid-cols-2 sm:pl-7">
          <Field id={`${prefix}-field`} label="Field name" error={fieldError}>
            <Input autoComplete="off" maxLength={40} readOnly={readOnly} {...fieldAria(`${prefix}-field`, fieldError)} {...register(`${at}.field`)} />
          </Field>
          <Field id={`${prefix}-kind`} label="Record" error={kindError}>
            <Select disabled={readOnly} {...fieldAria(`${prefix}-kind`, kindError)} {...register(`${at}.kind`)}>
              {CAPTURE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {CAPTURE_KIND_LABELS[kind]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : null}
    </div>
  );
}

/** Hints as one comma-separated line, kept as typed until the box is left. */
function HintsField({ index }: { index: number }) {
  const { control } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const name = `flow.steps.${index}.hints` as const;
  const id = `flow-step-${index}-hints`;
  const error = useFieldError(name);
  const hint = "Optional. Words or names speech recognition should expect, separated by commas.";
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field id={id} label="Expected words" hint={hint} error={error}>
          <HintsInput id={id} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} readOnly={readOnly} error={error} hint={hint} />
        </Field>
      )}
    />
  );
}

function HintsInput({
  id,
  value,
  onChange,
  onBlur,
  readOnly,
  error,
  hint,
}: {
  id: string;
  value: string[];
  onChange: (value: string[]) => void;
  onBlur: () => void;
  readOnly: boolean;
  error?: string;
  hint: string;
}) {
  const joined = value.join(", ");
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Input
      autoComplete="off"
      readOnly={readOnly}
      {...fieldAria(id, error, hint)}
      value={draft ?? joined}
      placeholder="renewal, premium plan"
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(
          event.target.value
            .split(",")
            .map((word) => word.trim())
            .filter(Boolean),
        );
      }}
      onBlur={() => {
        setDraft(null);
        onBlur();
      }}
    />
  );
}
