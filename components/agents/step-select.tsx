"use client";

// Which step comes next: a select of the flow's steps by name. Controlled, because its options change as
// steps are renamed, added and removed. A name no step has any more stays selectable, marked missing, so
// the problem is visible where it is.
import { Controller, useWatch, type FieldPathByValue } from "react-hook-form";
import { Field, Select, fieldAria } from "@/components/ui/field";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { STEP_KIND_LABELS } from "@/components/agents/agent-labels";
import { useEditorContext, useFieldError } from "@/components/agents/form-context";

// Branches have defaults (optional on input), which FieldPathByValue does not walk into.
type StepPath = FieldPathByValue<AgentFormInput, string> | `flow.steps.${number}.branches.${number}.next`;

export function StepSelect({ name, id, label, hint, className }: { name: StepPath; id: string; label: string; hint?: string; className?: string }) {
  const { readOnly } = useEditorContext();
  const steps = useWatch<AgentFormInput, "flow.steps">({ name: "flow.steps" });
  const rawError = useFieldError(name);
  return (
    <Controller<AgentFormInput, StepPath>
      name={name}
      render={({ field }) => {
        const value = String(field.value ?? "");
        // An empty choice fails the name pattern; say what to do instead.
        const error = rawError && value === "" ? "Choose a step" : rawError;
        const known = steps.some((s) => s.id === value);
        return (
          <Field id={id} label={label} hint={hint} error={error} className={className}>
            <Select
              disabled={readOnly}
              {...fieldAria(id, error, hint)}
              ref={field.ref}
              name={field.name}
              value={value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            >
              {value === "" ? <option value="">Choose a step…</option> : null}
              {!known && value !== "" ? <option value={value}>{`${value} (missing)`}</option> : null}
              {steps.map((step, i) => (
                <option key={i} value={step.id}>
                  {`${step.id} — ${STEP_KIND_LABELS[step.kind].label}`}
                </option>
              ))}
            </Select>
          </Field>
        );
      }}
    />
  );
}
