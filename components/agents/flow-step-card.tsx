"use client";

import { useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { DISPOSITIONS } from "@/lib/agents/vocabulary";
import { cn } from "@/lib/client/cn";
import { Badge } from "@/components/ui/badge";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { AlertIcon, ChevronDownIcon, TrashIcon } from "@/components/ui/icons";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { DISPOSITION_LABELS, STEP_KIND_LABELS } from "@/components/agents/agent-labels";
import { AskStepFields } from "@/components/agents/ask-step-fields";
import { useEditorContext, useFieldError, useProblemsAt } from "@/components/agents/form-context";
import { StepSelect } from "@/components/agents/step-select";
import { TemplateField } from "@/components/agents/template-field";
import type { StepKind } from "@/components/agents/types";

const KINDS = Object.keys(STEP_KIND_LABELS) as StepKind[];

export function FlowStepCard({
  index,
  count,
  isStart,
  onMove,
  onRemove,
  onKindChange,
  onRenamed,
}: {
  index: number;
  count: number;
  isStart: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
  onKindChange: (kind: StepKind) => void;
  onRenamed: (from: string, to: string) => void;
}) {
  const { register } = useFormContext<AgentFormInput>();
  const step = useWatch<AgentFormInput, `flow.steps.${number}`>({ name: `flow.steps.${index}` });
  const { readOnly } = useEditorContext();
  const problems = useProblemsAt(`flow.steps.${index}`);
  const idError = useFieldError(`flow.steps.${index}.id`);
  // The name the step had when its name box took the focus: references follow on blur.
  const nameOnFocus = useRef("");
  const prefix = `flow-step-${index}`;
  const idField = register(`flow.steps.${index}.id`);
  if (!step) return null;
  const title = `Step ${index + 1}: ${step.id || "unnamed"}`;

  return (
    <li
      id={prefix}
      data-testid="flow-step"
      aria-label={title}
      className={cn("rounded-lg border bg-white p-4 shadow-xs", problems.length ? "border-red-300" : "border-slate-200")}
    >
      <div className="flex flex-wrap items-start gap-3">
        <span className="mt-7 flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700" aria-hidden="true">
          {index + 1}
        </span>
        <Field id={`${prefix}-id`} label="Step name" error={idError} className="w-44">
          <Input
            autoComplete="off"
            maxLength={40}
            readOnly={readOnly}
            {...fieldAria(`${prefix}-id`, idError)}
            {...idField}
            onFocus={() => {
              nameOnFocus.current = step.id;
            }}
            onBlur={(event) => {
              void idField.onBlur(event);
              onRenamed(nameOnFocus.current, event.target.value);
            }}
          />
        </Field>
        <Field id={`${prefix}-kind`} label="Kind" className="w-36">
          <Select
            id={`${prefix}-kind`}
            value={step.kind}
            disabled={readOnly}
            onChange={(event) => {
              const kind = KINDS.find((k) => k === event.target.value);
              if (kind) onKindChange(kind);
            }}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {STEP_KIND_LABELS[kind].label}
              </option>
            ))}
          </Select>
        </Field>
        <div className="mt-7 flex min-h-10 items-center gap-2">
          {isStart ? <Badge tone="brand">Start</Badge> : null}
          <span className="text-xs text-slate-500">{STEP_KIND_LABELS[step.kind].description}</span>
        </div>
        {readOnly ? null : (
          <div className="mt-7 ml-auto flex items-center gap-1">
            <IconButton label={`Move ${step.id} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
              <ChevronDownIcon className="size-4 rotate-180" />
            </IconButton>
            <IconButton label={`Move ${step.id} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
              <ChevronDownIcon className="size-4" />
            </IconButton>
            <IconButton label={`Remove ${step.id}`} disabled={count === 1} onClick={onRemove} danger>
              <TrashIcon className="size-4" />
            </IconButton>
          </div>
        )}
      </div>

      {problems.length ? (
        <ul className="mt-3 space-y-1 rounded-md bg-red-50 px-3 py-2 text-xs font-medium text-red-700" data-testid="flow-step-problems">
          {problems.map((problem) => (
            <li key={problem} className="flex gap-2">
              <AlertIcon className="mt-px size-3.5 shrink-0" />
              {problem}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="mt-4 space-y-4 sm:pl-10">
        <StepBody index={index} kind={step.kind} />
      </div>
    </li>
  );
}

function StepBody({ index, kind }: { index: number; kind: StepKind }) {
  const at = `flow.steps.${index}` as const;
  const prefix = `flow-step-${index}`;
  switch (kind) {
    case "say":
      return (
        <>
          <TemplateField compact name={`${at}.text`} id={`${prefix}-text`} label="Says" rows={2} />
          <StepSelect name={`${at}.next`} id={`${prefix}-next`} label="Then goes to" className="sm:max-w-sm" />
        </>
      );
    case "ask":
      return (
        <>
          <TemplateField compact name={`${at}.text`} id={`${prefix}-text`} label="Asks" rows={2} />
          <AskStepFields index={index} />
        </>
      );
    case "answer":
      return (
        <>
          <TemplateField
            compact
            name={`${at}.fallback`}
            id={`${prefix}-text`}
            label="When the knowledge has no answer"
            hint="Otherwise the agent answers the caller's question with the knowledge entry that fits it."
            rows={2}
          />
          <StepSelect name={`${at}.next`} id={`${prefix}-next`} label="Then goes to" className="sm:max-w-sm" />
        </>
      );
    case "transfer":
      return (
        <>
          <TemplateField compact name={`${at}.text`} id={`${prefix}-text`} label="Says before connecting" rows={2} />
          <StepSelect
            name={`${at}.on_failure`}
            id={`${prefix}-on-failure`}
            label="If nobody takes the call"
            hint="Transfers go to the target set under Transfer below."
            className="sm:max-w-sm"
          />
        </>
      );
    case "callback":
      return (
        <TemplateField
          compact
          callbackTime
          name={`${at}.text`}
          id={`${prefix}-text`}
          label="Confirms"
          hint="{{callback.time}} is the time agreed with the caller. The call then ends as a callback."
          rows={2}
        />
      );
    case "end":
      return (
        <>
          <TemplateField compact name={`${at}.text`} id={`${prefix}-text`} label="Says goodbye" rows={2} />
          <DispositionSelect index={index} />
        </>
      );
  }
}

function DispositionSelect({ index }: { index: number }) {
  const { register } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const name = `flow.steps.${index}.disposition` as const;
  const id = `flow-step-${index}-disposition`;
  const error = useFieldError(name);
  return (
    <Field id={id} label="Ends with the outcome" error={error} className="sm:max-w-sm">
      <Select disabled={readOnly} {...fieldAria(id, error)} {...register(name)}>
        {DISPOSITIONS.map((d) => (
          <option key={d} value={d}>
            {DISPOSITION_LABELS[d]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function IconButton({
  label,
  onClick,
  disabled,
  danger = false,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={cn(
        "flex size-8 items-center justify-center rounded-lg text-slate-500 transition-colors disabled:cursor-not-allowed disabled:opacity-40",
        danger ? "hover:bg-red-50 hover:text-red-700" : "hover:bg-slate-100 hover:text-slate-800",
      )}
    >
      {children}
    </button>
  );
}
