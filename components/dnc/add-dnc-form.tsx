"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createDncSchema } from "@/lib/dnc/schemas";
import { ApiClientError } from "@/lib/client/api-client";
import { applyApiErrors } from "@/lib/client/form-errors";
import { useAddDncEntry } from "@/components/dnc/hooks/use-add-dnc-entry";
import type { DncEntry } from "@/components/dnc/types";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";

// The API's schema, for the two fields the dashboard offers. It checks only length; the API then
// normalises the number to E.164 and says when it cannot be a phone number.
const addDncSchema = createDncSchema.pick({ phone_number: true, reason: true });
type AddDncInput = z.input<typeof addDncSchema>;
type AddDncOutput = z.output<typeof addDncSchema>;

const PHONE_HINT = "With its country code (+44 20 7946 0018); without one, your organization's country is assumed.";

export function AddDncForm({ onAdded }: { onAdded: (entry: DncEntry) => void }) {
  const addEntry = useAddDncEntry();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<AddDncInput, unknown, AddDncOutput>({
    resolver: zodResolver(addDncSchema, { error: formErrorMessages }),
    defaultValues: { phone_number: "", reason: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const entry = await addEntry.mutateAsync({
        phone_number: values.phone_number,
        ...(values.reason ? { reason: values.reason } : {}),
      });
      reset();
      setFocus("phone_number");
      onAdded(entry);
    } catch (error) {
      if (error instanceof ApiClientError && error.code === "RESOURCE_002") {
        setError("phone_number", { type: "server", message: "This number is already on the list." });
        return;
      }
      setFormError(applyApiErrors(error, setError, { phone_number: "phone_number", reason: "reason" }));
    }
  });

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="add-dnc-form" aria-labelledby="add-dnc-heading">
        <h3 id="add-dnc-heading" className="text-base font-semibold text-slate-900">
          Add a number
        </h3>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start">
          <Field id="dnc-phone" label="Phone number" hint={PHONE_HINT} error={errors.phone_number?.message}>
            <Input
              type="tel"
              autoComplete="off"
              inputMode="tel"
              {...fieldAria("dnc-phone", errors.phone_number?.message, PHONE_HINT)}
              {...register("phone_number")}
            />
          </Field>
          <Field id="dnc-reason" label="Reason" hint="Optional, e.g. “asked not to be called”." error={errors.reason?.message}>
            <Input maxLength={500} {...fieldAria("dnc-reason", errors.reason?.message, "hint")} {...register("reason")} />
          </Field>
          <Button type="submit" pending={isSubmitting} className="md:mt-6">
            <PlusIcon className="size-4" />
            Add number
          </Button>
        </div>
      </form>
    </Card>
  );
}
