"use client";

// Question/answer pairs the answer step (and the LLM engine) answer callers' questions from.
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { useEditorContext, useFieldError } from "@/components/agents/form-context";
import { SectionLegend } from "@/components/agents/section-legend";
import { TemplateField } from "@/components/agents/template-field";

const MAX_ENTRIES = 200;

export function KnowledgeSection() {
  const { control } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  // keyName: entries have an `id` of their own (kb_1…), which the field array's key must not shadow.
  const { fields, append, remove } = useFieldArray({ control, name: "knowledge", keyName: "key" });
  return (
    <Card>
      <fieldset className="space-y-5">
        <SectionLegend title="Knowledge" description="Questions callers ask and what the agent answers. An answer step picks the entry that fits." />
        {fields.length === 0 ? <p className="text-sm text-slate-500">No entries yet.</p> : null}
        <ol className="space-y-4">
          {fields.map((field, index) => (
            <KnowledgeEntry key={field.key} index={index} onRemove={() => remove(index)} />
          ))}
        </ol>
        {readOnly ? null : (
          <Button variant="secondary" size="sm" disabled={fields.length >= MAX_ENTRIES} onClick={() => append({ question: "", answer: "" })}>
            <PlusIcon className="size-4" />
            Add a question
          </Button>
        )}
      </fieldset>
    </Card>
  );
}

function KnowledgeEntry({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { register, getValues } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const prefix = `knowledge-${index}`;
  const questionError = useFieldError(`knowledge.${index}.question`);
  const storedId = getValues(`knowledge.${index}.id`);
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="knowledge-entry">
      <div className="flex items-start gap-3">
        <Field id={`${prefix}-question`} label={`Question ${index + 1}`} error={questionError} className="min-w-0 flex-1">
          <Input
            autoComplete="off"
            maxLength={500}
            readOnly={readOnly}
            placeholder="How much does it cost?"
            {...fieldAria(`${prefix}-question`, questionError)}
            {...register(`knowledge.${index}.question`)}
          />
        </Field>
        {storedId ? (
          <span className="mt-8 shrink-0 font-mono text-xs text-slate-500" title="The entry's name, shown in test conversations">
            {storedId}
          </span>
        ) : null}
        {readOnly ? null : (
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove question ${index + 1}`}
            className="mt-7 flex size-8 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-red-50 hover:text-red-700"
          >
            <TrashIcon className="size-4" />
          </button>
        )}
      </div>
      <TemplateField compact name={`knowledge.${index}.answer`} id={`${prefix}-answer`} label="Answer" rows={2} maxLength={2000} />
    </li>
  );
}
