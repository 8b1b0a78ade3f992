"use client";

import Link from "next/link";
import { useMemo, useState, useSyncExternalStore } from "react";
import { Controller, useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { CAMPAIGN_TYPES, WEEKDAYS } from "@/lib/campaigns/schemas";
import { applyApiErrors } from "@/lib/client/form-errors";
import { useDisplayFormat } from "@/lib/client/display-format";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { cn } from "@/lib/client/cn";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import { TimeZonePicker } from "@/components/ui/time-zone-picker";
import { CAMPAIGN_TYPE_LABELS, WEEKDAY_LABELS } from "@/components/campaigns/campaign-labels";
import { CampaignAgentPicker } from "@/components/campaigns/campaign-form-agent-picker";
import {
  CAMPAIGN_FORM_FIELDS,
  campaignFormSchemaFor,
  type CampaignFormInput,
  type CampaignFormOutput,
} from "@/components/campaigns/campaign-form-schema";

const FIELD_MAP = Object.fromEntries(CAMPAIGN_FORM_FIELDS.map((field) => [field, field])) as Partial<
  Record<string, Path<CampaignFormInput>>
>;

const noSubscription = () => () => {};
/** False during the server render: the zone may fall back to the browser's, unknown there. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function CampaignForm({
  defaultValues,
  timeZones,
  typeLocked = false,
  submitLabel,
  cancelHref,
  onSubmit,
}: {
  defaultValues: CampaignFormInput;
  timeZones: string[];
  /** Only a draft may change its type; the API refuses it later on. */
  typeLocked?: boolean;
  submitLabel: string;
  cancelHref: string;
  /** Sends the values; throws the API's error so it can be shown beside the inputs. */
  onSubmit: (values: CampaignFormOutput) => Promise<void>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const fmt = useDisplayFormat();
  // Schedule date-times are typed and shown in the viewer's zone, like every date in the dashboard.
  const schema = useMemo(() => campaignFormSchemaFor(fmt.timeZone), [fmt.timeZone]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CampaignFormInput, unknown, CampaignFormOutput>({
    resolver: zodResolver(schema, { error: formErrorMessages }),
    defaultValues,
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(applyApiErrors(error, setError, FIELD_MAP));
    }
  });

  const settingsErrors = errors.settings;
  const hoursErrors = settingsErrors?.calling_hours;
  const scheduleErrors = errors.schedule;
  const scheduleHint = hydrated ? `In your time zone (${fmt.timeZone.replaceAll("_", " ")}, ${fmt.zoneAbbreviation()}).` : undefined;
  const typeHint = typeLocked ? "Only a draft campaign can change its type." : undefined;

  return (
    <form onSubmit={submit} noValidate className="space-y-6" data-testid="campaign-form">
      {formError ? (
        <Alert tone="error" title="The campaign could not be saved" data-testid="campaign-form-error">
          {formError}
        </Alert>
      ) : null}

      <Card>
        <fieldset className="space-y-5">
          <legend className="mb-4 text-base font-semibold text-slate-900">Basics</legend>
          <Field id="campaign-name" label="Name" error={errors.name?.message}>
            <Input autoComplete="off" maxLength={200} {...fieldAria("campaign-name", errors.name?.message)} {...register("name")} />
          </Field>
          <Field id="campaign-description" label="Description" hint="Optional. Only your team sees it." error={errors.description?.message}>
            <Textarea
              rows={3}
              maxLength={2000}
              {...fieldAria("campaign-description", errors.description?.message, "hint")}
              {...register("description")}
            />
          </Field>
          <Field id="campaign-type" label="Campaign type" hint={typeHint} error={errors.campaign_type?.message} className="sm:max-w-sm">
            {typeLocked ? (
              // The value stays in the form's defaults and is not sent (see the edit page).
              <Input
                readOnly
                value={CAMPAIGN_TYPE_LABELS[defaultValues.campaign_type]}
                {...fieldAria("campaign-type", errors.campaign_type?.message, typeHint)}
              />
            ) : (
              <Select {...fieldAria("campaign-type", errors.campaign_type?.message)} {...register("campaign_type")}>
                {CAMPAIGN_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {CAMPAIGN_TYPE_LABELS[type]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Controller
            control={control}
            name="settings.agent_id"
            render={({ field }) => (
              <CampaignAgentPicker
                id="campaign-agent"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                selectRef={field.ref}
                error={settingsErrors?.agent_id?.message}
              />
            )}
          />
        </fieldset>
      </Card>

      <Card>
        <fieldset className="space-y-5">
          <legend className="mb-4 text-base font-semibold text-slate-900">Calling limits</legend>
          <div className="grid gap-5 sm:grid-cols-2">
            <NumberField
              id="campaign-max-calls"
              label="Max calls per day"
              hint="Across the whole campaign, 1–100,000."
              error={settingsErrors?.max_calls_per_day?.message}
              min={1}
              max={100_000}
              {...register("settings.max_calls_per_day", { valueAsNumber: true })}
            />
            <NumberField
              id="campaign-max-attempts"
              label="Max attempts per lead"
              hint="Calls to one lead before giving up, 1–10."
              error={settingsErrors?.max_attempts_per_prospect?.message}
              min={1}
              max={10}
              {...register("settings.max_attempts_per_prospect", { valueAsNumber: true })}
            />
            <NumberField
              id="campaign-retry-delay"
              label="Retry delay (minutes)"
              hint="Wait between attempts to the same lead, 5–10,080."
              error={settingsErrors?.retry_delay_minutes?.message}
              min={5}
              max={10_080}
              {...register("settings.retry_delay_minutes", { valueAsNumber: true })}
            />
            <NumberField
              id="campaign-max-concurrent"
              label="Max concurrent calls"
              hint="Calls in progress at the same time, 1–100."
              error={settingsErrors?.max_concurrent_calls?.message}
              min={1}
              max={100}
              {...register("settings.max_concurrent_calls", { valueAsNumber: true })}
            />
          </div>
        </fieldset>
      </Card>

      <Card>
        <fieldset className="space-y-5">
          <legend className="mb-4 text-base font-semibold text-slate-900">Calling hours</legend>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="campaign-hours-start" label="Start time" error={hoursErrors?.start?.message}>
              <Input
                type="time"
                step={60}
                {...fieldAria("campaign-hours-start", hoursErrors?.start?.message)}
                {...register("settings.calling_hours.start")}
              />
            </Field>
            <Field id="campaign-hours-end" label="End time" error={hoursErrors?.end?.message}>
              <Input
                type="time"
                step={60}
                {...fieldAria("campaign-hours-end", hoursErrors?.end?.message)}
                {...register("settings.calling_hours.end")}
              />
            </Field>
          </div>
          <Controller
            control={control}
            name="settings.calling_hours.days"
            render={({ field, fieldState }) => (
              <div className="space-y-1.5">
                <p id="campaign-days-label" className="text-sm font-medium text-slate-700">
                  Calling days
                </p>
                <div
                  role="group"
                  aria-labelledby="campaign-days-label"
                  aria-describedby={fieldState.error ? "campaign-days-error" : undefined}
                  className="flex flex-wrap gap-2"
                >
                  {WEEKDAYS.map((day, index) => {
                    const on = field.value.includes(day);
                    return (
                      <button
                        key={day}
                        ref={index === 0 ? field.ref : undefined}
                        type="button"
                        aria-pressed={on}
                        aria-label={WEEKDAY_LABELS[day].long}
                        onBlur={field.onBlur}
                        onClick={() =>
                          field.onChange(on ? field.value.filter((d) => d !== day) : WEEKDAYS.filter((d) => d === day || field.value.includes(d)))
                        }
                        className={cn(
                          "h-10 min-w-12 rounded-lg border px-3 text-sm font-medium transition-colors",
                          on
                            ? "border-brand-600 bg-brand-600 text-white hover:bg-brand-700"
                            : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                        )}
                      >
                        {WEEKDAY_LABELS[day].short}
                      </button>
                    );
                  })}
                </div>
                {fieldState.error?.message ? (
                  <p id="campaign-days-error" className="text-xs font-medium text-red-600">
                    {fieldState.error.message}
                  </p>
                ) : null}
              </div>
            )}
          />
          <Field
            id="campaign-timezone"
            label="Time zone"
            hint="Calling hours and daily limits follow this zone."
            error={settingsErrors?.timezone?.message}
            className="sm:max-w-sm"
          >
            <Controller
              control={control}
              name="settings.timezone"
              render={({ field }) => (
                <TimeZonePicker
                  {...fieldAria("campaign-timezone", settingsErrors?.timezone?.message, "hint")}
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  zones={timeZones}
                />
              )}
            />
          </Field>
          <CheckboxField
            id="campaign-respect-lead-tz"
            label="Follow each lead's local time"
            hint="When a lead's time zone is known, calling hours apply in it instead of the campaign's zone."
            error={settingsErrors?.respect_lead_timezone?.message}
            {...register("settings.respect_lead_timezone")}
          />
        </fieldset>
      </Card>

      <Card>
        <fieldset className="space-y-5">
          <legend className="mb-4 text-base font-semibold text-slate-900">Calls and results</legend>
          <CheckboxField
            id="campaign-recording"
            switchRole
            label="Recording"
            hint="Record every call. Check that your region's consent rules allow it."
            error={settingsErrors?.recording?.message}
            {...register("settings.recording")}
          />
          <CheckboxField
            id="campaign-transcription"
            switchRole
            label="Transcription"
            hint="Keep a written transcript of every call."
            error={settingsErrors?.transcription?.message}
            {...register("settings.transcription")}
          />
          <NumberField
            id="campaign-conversion-value"
            label="Conversion value ($)"
            hint="Revenue one conversion brings; used for the campaign's ROI."
            error={settingsErrors?.conversion_value?.message}
            min={0}
            step={0.01}
            inputMode="decimal"
            className="sm:max-w-sm"
            {...register("settings.conversion_value", { valueAsNumber: true })}
          />
        </fieldset>
      </Card>

      <Card>
        <fieldset className="space-y-5">
          <legend className="mb-4 text-base font-semibold text-slate-900">Schedule</legend>
          <p className="-mt-2 text-sm text-slate-600">Leave empty to run the campaign whenever it is active.</p>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="campaign-start-date" label="Start date" hint={scheduleHint} error={scheduleErrors?.start_date?.message}>
              <Input
                type="datetime-local"
                {...fieldAria("campaign-start-date", scheduleErrors?.start_date?.message, scheduleHint)}
                {...register("schedule.start_date")}
              />
            </Field>
            <Field id="campaign-end-date" label="End date" hint={scheduleHint} error={scheduleErrors?.end_date?.message}>
              <Input
                type="datetime-local"
                {...fieldAria("campaign-end-date", scheduleErrors?.end_date?.message, scheduleHint)}
                {...register("schedule.end_date")}
              />
            </Field>
          </div>
        </fieldset>
      </Card>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" pending={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

type NumberFieldProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  ref?: React.Ref<HTMLInputElement>;
};

function NumberField({ id, label, hint, error, className, ...props }: NumberFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <Input type="number" inputMode="numeric" {...fieldAria(id, error, hint)} {...props} />
    </Field>
  );
}
