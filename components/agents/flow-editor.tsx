"use client";

// The flow: an ordered list of steps the flow engine walks, starting at `start`. Steps can be added,
// removed, reordered and retyped; renaming a step carries its references along. Problems from
// flowProblems appear on the step they concern as the flow is edited.
import { useFieldArray, useFormContext, useWatch, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PlusIcon } from "@/components/ui/icons";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { STEP_KIND_LABELS } from "@/components/agents/agent-labels";
import { useEditorContext } from "@/components/agents/form-context";
import { FlowStepCard } from "@/components/agents/flow-step-card";
import { freeStepId, makeStep, referencesTo } from "@/components/agents/flow-steps";
import { SectionLegend } from "@/components/agents/section-legend";
import { StepSelect } from "@/components/agents/step-select";
import type { StepKind } from "@/components/agents/types";

const MAX_STEPS = 100;
const KINDS = Object.keys(STEP_KIND_LABELS) as StepKind[];

export function FlowEditor() {
  const { control, getValues, setValue, formState } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  // keyName: the steps have an `id` of their own, which the field array's key must not shadow.
  const { fields, append, remove, move, update } = useFieldArray({ control, name: "flow.steps", keyName: "key" });
  const steps = useWatch({ control, name: "flow.steps" });
  const start = useWatch({ control, name: "flow.start" });
  const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };

  function addStep(kind: StepKind) {
    const current = getValues("flow.steps");
    const id = freeStepId(kind, current.map((s) => s.id));
    append(makeStep(kind, id, current));
    requestAnimationFrame(() => document.getElementById(`flow-step-${current.length}-text`)?.focus());
  }

  function changeKind(index: number, kind: StepKind) {
    const current = getValues("flow.steps");
    const step = current[index];
    if (!step || step.kind === kind) return;
    update(index, makeStep(kind, step.id, current, step));
  }

  /** A step renamed from `from` to `to`: what pointed at it follows, unless the old name was ambiguous. */
  function renamed(index: number, from: string, to: string) {
    const flow = getValues("flow");
    if (!from || from === to || !to) return;
    const holders = flow.steps.filter((s, i) => i !== index && (s.id === from || s.id === to));
    if (holders.length) return;
    // The paths come from the flow itself, so they name string fields of the form.
    for (const path of referencesTo(flow, from)) setValue(path as Path<AgentFormInput>, to, options);
  }

  return (
    <Card>
      <fieldset className="space-y-5" aria-describedby="agent-flow-help">
        <SectionLegend
          title="Flow"
          description={
            <span id="agent-flow-help">
              After the opening, the agent goes from step to step. An ask step branches on what the caller means; at any step, a
              caller who asks not to be called again is opted out.
            </span>
          }
        />
        <StepSelect name="flow.start" id="agent-flow-start" label="Starts at" className="sm:max-w-sm" />
        <ol className="space-y-4" aria-label="Steps">
          {fields.map((field, index) => (
            <FlowStepCard
              key={field.key}
              index={index}
              count={fields.length}
              isStart={steps[index]?.id === start}
              onMove={(to) => move(index, to)}
              onRemove={() => remove(index)}
              onKindChange={(kind) => changeKind(index, kind)}
              onRenamed={(from, to) => renamed(index, from, to)}
            />
          ))}
        </ol>
        {readOnly ? null : (
          <div className="space-y-2 rounded-lg border border-dashed border-slate-300 p-4">
            <p className="text-sm font-medium text-slate-700">Add a step</p>
            <div className="flex flex-wrap gap-2">
              {KINDS.map((kind) => (
                <Button
                  key={kind}
                  variant="secondary"
                  size="sm"
                  disabled={fields.length >= MAX_STEPS}
                  onClick={() => addStep(kind)}
                  title={STEP_KIND_LABELS[kind].description}
                >
                  <PlusIcon className="size-4" />
                  {STEP_KIND_LABELS[kind].label}
                </Button>
              ))}
            </div>
          </div>
        )}
      </fieldset>
    </Card>
  );
}
