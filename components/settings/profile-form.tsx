"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { errorMessage } from "@/lib/client/api-client";
import { applyApiErrors } from "@/lib/client/form-errors";
import { useMe } from "@/lib/client/hooks/use-me";
import { useUpdateMe } from "@/components/settings/hooks/use-update-me";
import type { User } from "@/lib/client/types";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { TimeZonePicker } from "@/components/ui/time-zone-picker";
import { canonicalTimeZone } from "@/lib/client/time-zones";
import { Skeleton } from "@/components/ui/skeleton";
import { RoleBadge } from "@/components/users/role-badge";

const profileFormSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Must be at most 100 characters"),
  timezone: z.string().min(1, "Choose a time zone"),
  notifications: z.boolean(),
});
type ProfileFormInput = z.input<typeof profileFormSchema>;
type ProfileFormOutput = z.output<typeof profileFormSchema>;

export function ProfileForm({ timeZones, organizationTimeZone }: { timeZones: string[]; organizationTimeZone: string }) {
  const me = useMe();
  return (
    <>
      <PageHeader level={2} title="Profile" description="How you appear to your team, and the time zone dates are shown in." />
      {me.isPending ? (
        <ProfileSkeleton />
      ) : me.isError ? (
        <Alert tone="error" title="Your profile could not be loaded">
          <p>{errorMessage(me.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => me.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        // Keyed by user so the form starts from fresh defaults if the signed-in user changes.
        <ProfileFormFields key={me.data.user_id} me={me.data} timeZones={timeZones} organizationTimeZone={organizationTimeZone} />
      )}
    </>
  );
}

function ProfileSkeleton() {
  return (
    <Card className="max-w-2xl space-y-5">
      <span className="sr-only" role="status">Loading your profile…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="space-y-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-10 w-full" />
        </div>
      ))}
      <Skeleton className="h-10 w-28" />
    </Card>
  );
}

function ProfileFormFields({ me, timeZones, organizationTimeZone }: { me: User; timeZones: string[]; organizationTimeZone: string }) {
  const router = useRouter();
  const updateMe = useUpdateMe();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // An old name saved earlier (Asia/Calcutta) shows as its current one (Asia/Kolkata): same rules.
  const currentZone = canonicalTimeZone(me.preferences?.timezone ?? organizationTimeZone);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ProfileFormInput, unknown, ProfileFormOutput>({
    resolver: zodResolver(profileFormSchema),
    defaultValues: {
      name: me.name,
      timezone: currentZone,
      // New accounts start with notifications on (see create-user); a missing value means the default.
      notifications: me.preferences?.notifications ?? true,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const updated = await updateMe.mutateAsync({
        name: values.name,
        preferences: { timezone: values.timezone, notifications: values.notifications },
      });
      reset({
        name: updated.name,
        timezone: updated.preferences?.timezone ?? values.timezone,
        notifications: updated.preferences?.notifications ?? values.notifications,
      });
      setSaved(true);
      // The header shows the name from the server layout.
      router.refresh();
    } catch (error) {
      setFormError(
        applyApiErrors(error, setError, {
          name: "name",
          "preferences.timezone": "timezone",
          "preferences.notifications": "notifications",
        }),
      );
    }
  });

  return (
    <Card className="max-w-2xl">
      <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="profile-form">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <Field id="profile-name" label="Name" error={errors.name?.message}>
          <Input autoComplete="name" {...fieldAria("profile-name", errors.name?.message)} {...register("name")} />
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="profile-email" label="Email" hint="Your sign-in email cannot be changed here.">
            <Input value={me.email} readOnly {...fieldAria("profile-email", undefined, "hint")} />
          </Field>
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-700">Role</p>
            <div className="flex h-10 items-center">
              <RoleBadge role={me.role} />
            </div>
          </div>
        </div>
        <Field id="profile-timezone" label="Time zone" hint="Dates and times across the dashboard are shown in this zone." error={errors.timezone?.message}>
          <Controller
            control={control}
            name="timezone"
            render={({ field }) => (
              <TimeZonePicker
                {...fieldAria("profile-timezone", errors.timezone?.message, "hint")}
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
        <div className="space-y-1.5">
          <div className="flex items-start gap-3">
            <input
              id="profile-notifications"
              type="checkbox"
              role="switch"
              className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
              aria-describedby={errors.notifications ? "profile-notifications-error" : "profile-notifications-hint"}
              {...register("notifications")}
            />
            <div>
              <label htmlFor="profile-notifications" className="text-sm font-medium text-slate-700">
                Notifications
              </label>
              <p id="profile-notifications-hint" className="text-xs text-slate-500">
                Receive notifications from Vocelio about your account and your organization.
              </p>
            </div>
          </div>
          {errors.notifications?.message ? (
            <p id="profile-notifications-error" className="text-xs font-medium text-red-600">
              {errors.notifications.message}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-5">
          <Button type="submit" pending={isSubmitting}>
            Save changes
          </Button>
          {saved && !isDirty ? (
            <p role="status" className="text-sm font-medium text-emerald-700" data-testid="profile-saved">
              Profile saved
            </p>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
