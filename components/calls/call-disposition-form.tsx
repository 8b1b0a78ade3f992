"use client";

// The call's outcome as a person records it: disposition, the customer's satisfaction and notes (PUT
// /api/calls/{id}, calls.update). Without that permission the same facts are shown, read only.
import { useMemo, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DISPOSITIONS } from "@/lib/agents/vocabulary";
import { applyApiErrors } from "@/lib/client/form-errors";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, Textarea, fieldAria } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { DISPOSITION_LABELS, dispositionLabel } from "@/components/calls/call-labels";
import {
  NOTES_MAX,
  SATISFACTION_LABELS,
  callOutcomeFormSchema,
  outcomeBody,
  outcomeDefaults,
  satisfactionOptions,
  type CallOutcomeFormValues,
} from "@/components/calls/call-outcome-schema";
import { useUpdateCall } from "@/components/calls/hooks/use-update-call";
import type { Call } from "@/components/calls/types";

const NOTES_HINT = "Seen by everyone in your organization who can view calls.";

const FIELD_MAP: Partial<Record<string, Path<CallOutcomeFormValues>>> = {
  disposition: "disposition",
  customer_satisfaction: "customer_satisfaction",
  agent_notes: "agent_notes",
};

export function CallDispositionCard({ call, canUpdate }: { call: Call; canUpdate: boolean }) {
  return (
    <Card>
      <section aria-labelledby="outcome-heading" data-testid="call-outcome" className="space-y-4">
        <div>
          <h2 id="outcome-heading" className="text-lg font-semibold text-slate-900">
            Outcome
          </h2>
          <p className="text-sm text-slate-600">
            {canUpdate ? "Record how the call ended for the lead, how happy they were and anything to remember." : "How the call ended for the lead, as recorded."}
          </p>
        </div>
        {canUpdate ? <DispositionForm call={call} /> : <DispositionSummary call={call} />}
      </section>
    </Card>
  );
}

function DispositionSummary({ call }: { call: Call }) {
  const satisfaction = call.customer_satisfaction === null ? null : (SATISFACTION_LABELS[String(call.customer_satisfaction)] ?? String(call.customer_satisfaction));
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="text-xs font-medium text-slate-500">Disposition</dt>
        <dd className="mt-0.5 text-slate-900">{dispositionLabel(call.disposition) ?? <span className="text-slate-400">Not set</span>}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Customer satisfaction</dt>
        <dd className="mt-0.5 text-slate-900">{satisfaction ?? <span className="text-slate-400">Not rated</span>}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Notes</dt>
        <dd className="mt-0.5 break-words whitespace-pre-line text-slate-900">{call.agent_notes ?? <span className="text-slate-400">None</span>}</dd>
      </div>
    </dl>
  );
}

function DispositionForm({ call }: { call: Call }) {
  const update = useUpdateCall(call.call_id);
  const [formError, setFormError] = useState<string | null>(null);
  const loaded = useMemo(
    () => outcomeDefaults({ disposition: call.disposition, customer_satisfaction: call.customer_satisfaction, agent_notes: call.agent_notes }),
    [call.disposition, call.customer_satisfaction, call.agent_notes],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<CallOutcomeFormValues>({
    resolver: zodResolver(callOutcomeFormSchema, { error: formErrorMessages }),
    // The detail polls while the call is on: what the server records (the agent's disposition at the
    // end) comes in, without overwriting what the person is typing.
    values: loaded,
    resetOptions: { keepDirtyValues: true },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const body = outcomeBody(values, loaded);
    if (!body) return;
    try {
      const saved = await update.mutateAsync(body);
      reset(outcomeDefaults(saved));
      toast("The call's outcome was saved.");
    } catch (error) {
      setFormError(applyApiErrors(error, setError, FIELD_MAP));
    }
  });

  const ratings = satisfactionOptions(loaded.customer_satisfaction);

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Call outcome">
      {formError ? (
        <Alert tone="error" title="The outcome was not saved" data-testid="call-outcome-error">
          {formError}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="call-disposition" label="Disposition" error={errors.disposition?.message}>
          <Select {...fieldAria("call-disposition", errors.disposition?.message)} {...register("disposition")}>
            {/* The API cannot clear a disposition: "Not set" is offered only while there is none. */}
            {loaded.disposition === "" ? <option value="">Not set</option> : null}
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {DISPOSITION_LABELS[d]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="call-satisfaction" label="Customer satisfaction" error={errors.customer_satisfaction?.message}>
          <Select {...fieldAria("call-satisfaction", errors.customer_satisfaction?.message)} {...register("customer_satisfaction")}>
            {loaded.customer_satisfaction === "" ? <option value="">Not rated</option> : null}
            {ratings.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id="call-notes" label="Notes" error={errors.agent_notes?.message} hint={NOTES_HINT}>
        <Textarea
          {...fieldAria("call-notes", errors.agent_notes?.message, NOTES_HINT)}
          rows={4}
          maxLength={NOTES_MAX}
          placeholder="e.g. Interested in the premium plan; call back after the 15th."
          {...register("agent_notes")}
        />
      </Field>
      <div className="flex justify-end gap-2">
        {isDirty ? (
          <Button variant="ghost" onClick={() => reset(loaded)} disabled={isSubmitting}>
            Discard
          </Button>
        ) : null}
        <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
          Save outcome
        </Button>
      </div>
    </form>
  );
}
