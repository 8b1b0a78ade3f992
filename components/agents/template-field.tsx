"use client";

// A spoken text with its variables one click away: {{lead.first_name}} and the rest are inserted where
// the cursor is. The names come from lib/agents/templates.ts, the list the server accepts.
import { useRef } from "react";
import { useController, useFormContext, type FieldPathByValue } from "react-hook-form";
import { TEMPLATE_VARIABLES } from "@/lib/agents/templates";
import { Field, Select, Textarea, fieldAria } from "@/components/ui/field";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { useEditorContext, useFieldError } from "@/components/agents/form-context";

type TextPath = FieldPathByValue<AgentFormInput, string | undefined>;

const CALLBACK_TIME = "callback.time";

export function TemplateField({
  name,
  id,
  label,
  hint,
  placeholder,
  rows = 3,
  maxLength = 1000,
  compact = false,
  callbackTime = false,
}: {
  name: TextPath;
  id: string;
  label: string;
  hint?: string;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  /** A menu instead of a row of buttons, for the many texts of the flow. */
  compact?: boolean;
  /** Offer {{callback.time}} (only a callback step knows it). */
  callbackTime?: boolean;
}) {
  const { control } = useFormContext<AgentFormInput>();
  const { field } = useController({ control, name });
  const { readOnly } = useEditorContext();
  const error = useFieldError(name);
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const value = typeof field.value === "string" ? field.value : "";
  const variables = Object.keys(TEMPLATE_VARIABLES).filter((v) => callbackTime || v !== CALLBACK_TIME);

  function insert(variable: string) {
    const element = textRef.current;
    const token = `{{${variable}}}`;
    // The textarea keeps its selection while a button has the focus.
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    field.onChange(value.slice(0, start) + token + value.slice(end));
    const caret = start + token.length;
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(caret, caret);
    });
  }

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Textarea
        {...fieldAria(id, error, hint)}
        ref={(element) => {
          textRef.current = element;
          field.ref(element);
        }}
        name={field.name}
        value={value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        rows={rows}
        maxLength={maxLength}
        placeholder={placeholder}
        readOnly={readOnly}
      />
      {readOnly ? null : compact ? (
        <div className="flex justify-end">
          <label htmlFor={`${id}-variable`} className="sr-only">
            Insert a variable into {label}
          </label>
          <Select
            id={`${id}-variable`}
            value=""
            onChange={(event) => {
              if (event.target.value) insert(event.target.value);
            }}
            className="w-52 [&_select]:h-8 [&_select]:text-xs"
          >
            <option value="">Insert a variable…</option>
            {variables.map((variable) => (
              <option key={variable} value={variable}>
                {`{{${variable}}}`}
              </option>
            ))}
          </Select>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label={`Insert a variable into ${label}`}>
          <span className="text-xs text-slate-500">Insert:</span>
          {variables.map((variable) => (
            <button
              key={variable}
              type="button"
              onClick={() => insert(variable)}
              className="rounded-md border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700 hover:border-brand-300 hover:bg-brand-50 hover:text-brand-700"
            >
              {`{{${variable}}}`}
            </button>
          ))}
        </div>
      )}
    </Field>
  );
}
