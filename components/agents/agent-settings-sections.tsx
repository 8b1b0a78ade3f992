"use client";

// The editor's smaller sections: outcomes, transfer and voicemail, limits, engine and instructions.
import { Controller, useFormContext, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import { DISPOSITIONS } from "@/lib/agents/vocabulary";
import { AGENT_ENGINES } from "@/lib/agents/schemas";
import { errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { DISPOSITION_LABELS, ENGINE_LABELS } from "@/components/agents/agent-labels";
import { useEditorContext, useFieldError } from "@/components/agents/form-context";
import { useAgentEngines } from "@/components/agents/hooks/use-agent-engines";
import { SectionLegend } from "@/components/agents/section-legend";
import { TemplateField } from "@/components/agents/template-field";

export function OutcomesSection() {
  const { control } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const error = useFieldError("outcomes");
  return (
    <Card>
      <fieldset className="space-y-5" aria-describedby={error ? "agent-outcomes-error" : undefined}>
        <SectionLegend title="Outcomes" description="How this agent's calls may end. Every outcome the flow sets must be here." />
        <Controller
          control={control}
          name="outcomes"
          render={({ field }) => (
            <div className="grid gap-3 sm:grid-cols-3">
              {DISPOSITIONS.map((d, i) => (
                <CheckboxField
                  key={d}
                  id={`agent-outcome-${d}`}
                  ref={i === 0 ? field.ref : undefined}
                  label={DISPOSITION_LABELS[d]}
                  checked={field.value.includes(d)}
                  disabled={readOnly}
                  onBlur={field.onBlur}
                  onChange={(event) =>
                    field.onChange(event.target.checked ? DISPOSITIONS.filter((v) => v === d || field.value.includes(v)) : field.value.filter((v) => v !== d))
                  }
                />
              ))}
            </div>
          )}
        />
        {error ? (
          <p id="agent-outcomes-error" className="text-xs font-medium text-red-600">
            {error}
          </p>
        ) : null}
      </fieldset>
    </Card>
  );
}

export function TransferSection() {
  const { register, setValue } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const [enabled, to] = useWatch<AgentFormInput, ["transfer.enabled", "transfer.to"]>({ name: ["transfer.enabled", "transfer.to"] });
  const toError = useFieldError("transfer.to");
  const mode = to === "agents" ? "agents" : "number";
  return (
    <Card>
      <fieldset className="space-y-5">
        <SectionLegend title="Transfer and voicemail" />
        <CheckboxField
          id="agent-transfer-enabled"
          switchRole
          label="Transfer calls to a person"
          hint="Needed by transfer steps: the agent hands the call over when the caller asks for a person."
          disabled={readOnly}
          {...register("transfer.enabled")}
        />
        {enabled ? (
          <div className="space-y-5 sm:pl-7">
            <div className="grid gap-5 sm:grid-cols-2">
              <Field id="agent-transfer-mode" label="Transfer to">
                <Select
                  id="agent-transfer-mode"
                  value={mode}
                  disabled={readOnly}
                  onChange={(event) => setValue("transfer.to", event.target.value === "agents" ? "agents" : "", { shouldDirty: true })}
                >
                  <option value="agents">Your organization&apos;s available agents</option>
                  <option value="number">A phone number</option>
                </Select>
              </Field>
              {mode === "number" ? (
                <Field id="agent-transfer-to" label="Phone number" hint="In international format, e.g. +15551234567." error={toError}>
                  <Input type="tel" autoComplete="off" readOnly={readOnly} {...fieldAria("agent-transfer-to", toError, "hint")} {...register("transfer.to")} />
                </Field>
              ) : null}
            </div>
            <TemplateField name="transfer.whisper" id="agent-transfer-whisper" label="Whisper" hint="Said to the person taking the call before the caller is connected." rows={2} maxLength={500} />
          </div>
        ) : null}
        <TemplateField
          name="voicemail_message"
          id="agent-voicemail"
          label="Voicemail message"
          hint="Optional. Left when an answering machine picks up; without one, the agent hangs up."
          rows={2}
        />
      </fieldset>
    </Card>
  );
}

export function LimitsSection() {
  const { register } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const fields = [
    { name: "max_duration_seconds", id: "agent-max-duration", label: "Max call length (seconds)", hint: "30–3,600. The agent wraps up politely when time runs out.", min: 30, max: 3600 },
    { name: "silence.timeout_seconds", id: "agent-silence-timeout", label: "Silence timeout (seconds)", hint: "1–30. How long a pause counts as silence.", min: 1, max: 30 },
    { name: "silence.reprompts", id: "agent-silence-reprompts", label: "Reprompts", hint: "0–5. Silences or unclear answers before the agent ends politely.", min: 0, max: 5 },
  ] as const;
  return (
    <Card>
      <fieldset className="space-y-5">
        <SectionLegend title="Limits" />
        <div className="grid gap-5 sm:grid-cols-3">
          {fields.map((f) => (
            <NumberField key={f.id} {...f} readOnly={readOnly} registration={register(f.name, { valueAsNumber: true })} />
          ))}
        </div>
      </fieldset>
    </Card>
  );
}

function NumberField({
  name,
  id,
  label,
  hint,
  min,
  max,
  readOnly,
  registration,
}: {
  name: "max_duration_seconds" | "silence.timeout_seconds" | "silence.reprompts";
  id: string;
  label: string;
  hint: string;
  min: number;
  max: number;
  readOnly: boolean;
  registration: UseFormRegisterReturn;
}) {
  const error = useFieldError(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input type="number" inputMode="numeric" min={min} max={max} readOnly={readOnly} {...fieldAria(id, error, hint)} {...registration} />
    </Field>
  );
}

export function EngineSection() {
  const { register } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const engines = useAgentEngines();
  const engine = useWatch<AgentFormInput, "engine">({ name: "engine" });
  const error = useFieldError("engine");
  const chosen = engines.data?.engines.find((e) => e.id === engine);
  return (
    <Card>
      <fieldset className="space-y-5">
        <SectionLegend title="Engine" description="What decides the agent's next words. Test it in the Test tab either way." />
        {engines.isError ? (
          <Alert tone="warning" title="Which engines are available could not be checked">
            {errorMessage(engines.error)}
          </Alert>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2" role="radiogroup" aria-label="Engine">
          {AGENT_ENGINES.map((id) => {
            const info = engines.data?.engines.find((e) => e.id === id);
            // Unknown until the list arrives: only the flow engine is always there.
            const available = id === "flow" || info?.available === true;
            const reason = info && !info.available ? info.reason : null;
            return (
              <label
                key={id}
                htmlFor={`agent-engine-${id}`}
                className={cn(
                  "flex gap-3 rounded-lg border p-4",
                  engine === id ? "border-brand-500 bg-brand-50/60" : "border-slate-200",
                  available && !readOnly ? "cursor-pointer" : "cursor-not-allowed opacity-75",
                )}
              >
                <input
                  id={`agent-engine-${id}`}
                  type="radio"
                  value={id}
                  disabled={readOnly || !available}
                  className="mt-1 size-4 accent-brand-600"
                  aria-describedby={`agent-engine-${id}-about`}
                  {...register("engine")}
                />
                <span className="space-y-1">
                  <span className="block text-sm font-semibold text-slate-900">
                    {ENGINE_LABELS[id].label}
                    {info?.model ? <span className="ml-2 font-mono text-xs font-normal text-slate-500">{info.model}</span> : null}
                  </span>
                  <span id={`agent-engine-${id}-about`} className="block text-xs text-slate-600">
                    {ENGINE_LABELS[id].description}
                    {reason ? <span className="mt-1 block font-medium text-amber-800">Not available: {reason}</span> : null}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
        {chosen && !chosen.available ? (
          <Alert tone="warning" title={`The ${ENGINE_LABELS[chosen.id].label} engine is not available here`}>
            Calls fall back to the flow engine. {chosen.reason}
          </Alert>
        ) : null}
        {error ? <p className="text-xs font-medium text-red-600">{error}</p> : null}
      </fieldset>
    </Card>
  );
}

export function InstructionsSection() {
  const { register } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const error = useFieldError("instructions");
  const hint = "Used by the LLM engine: the agent's goal, tone and what it must never say. The flow engine ignores them.";
  return (
    <Card>
      <fieldset className="space-y-5">
        <SectionLegend title="Instructions" />
        <Field id="agent-instructions" label="Instructions" hint={hint} error={error}>
          <Textarea rows={6} maxLength={8000} readOnly={readOnly} {...fieldAria("agent-instructions", error, hint)} {...register("instructions")} />
        </Field>
      </fieldset>
    </Card>
  );
}
