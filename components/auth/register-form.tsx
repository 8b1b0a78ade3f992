"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { registerSchema } from "@/lib/auth/schemas";
import { ApiClientError } from "@/lib/client/api-client";
import { applyApiErrors } from "@/lib/client/form-errors";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { useRegister } from "@/components/auth/hooks/use-register";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";

type RegisterForm = z.input<typeof registerSchema>;

export function RegisterForm() {
  const router = useRouter();
  const registerMutation = useRegister();
  const [formError, setFormError] = useState<string | null>(null);
  const [signupDisabled, setSignupDisabled] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RegisterForm, unknown, z.output<typeof registerSchema>>({
    // The API's own schema, so the form enforces exactly what POST /api/auth/register will.
    resolver: zodResolver(registerSchema, { error: formErrorMessages }),
    defaultValues: { organization_name: "", name: "", email: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await registerMutation.mutateAsync(values);
    } catch (error) {
      if (error instanceof ApiClientError && error.code === "RESOURCE_003") {
        setSignupDisabled(true);
        return;
      }
      setFormError(
        applyApiErrors(error, setError, {
          organization_name: "organization_name",
          name: "name",
          email: "email",
          password: "password",
        }),
      );
      return;
    }
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!result || result.error || !result.ok) {
      // The organization exists now; signing in separately is the way forward.
      setFormError(`Your account was created, but signing in failed: ${result?.error ?? "please sign in"}.`);
      return;
    }
    setRedirecting(true);
    router.replace("/");
    router.refresh();
  });

  if (signupDisabled) {
    return (
      <AuthCard title="Sign-up is disabled" description="This Vocelio deployment is invite-only.">
        <Alert tone="info">Ask an administrator of your organization to add you, then sign in.</Alert>
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="font-medium text-brand-600 hover:underline">
            Go to sign in
          </Link>
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Create your account"
      description="Start a new Vocelio organization. You will be its administrator."
      footer={
        <>
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-brand-600 hover:text-brand-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="register-form">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <Field id="organization_name" label="Organization name" error={errors.organization_name?.message}>
          <Input autoComplete="organization" {...fieldAria("organization_name", errors.organization_name?.message)} {...register("organization_name")} />
        </Field>
        <Field id="name" label="Your name" error={errors.name?.message}>
          <Input autoComplete="name" {...fieldAria("name", errors.name?.message)} {...register("name")} />
        </Field>
        <Field id="email" label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} {...fieldAria("email", errors.email?.message)} {...register("email")} />
        </Field>
        <Field
          id="password"
          label="Password"
          error={errors.password?.message}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        >
          <Input
            type="password"
            autoComplete="new-password"
            {...fieldAria("password", errors.password?.message, `At least ${PASSWORD_MIN_LENGTH} characters.`)}
            {...register("password")}
          />
        </Field>
        <Button type="submit" className="w-full" pending={isSubmitting || redirecting}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
