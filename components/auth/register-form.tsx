"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { ApiClientError } from "@/lib/client/api-client";
import { applyApiErrors } from "@/lib/client/form-errors";
import { useRegister } from "@/lib/client/hooks/use-register";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";

// Mirrors registerSchema in lib/auth/schemas.ts, which cannot be bundled for the browser (it pulls in
// the argon2 password module); the API validates again and its field errors land on the same inputs.
const MIN_PASSWORD = 10;
const registerFormSchema = z.object({
  organization_name: z.string().trim().min(2, "Must be at least 2 characters").max(100),
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Enter a valid email address")).pipe(z.string().max(254)),
  password: z.string().min(MIN_PASSWORD, `Must be at least ${MIN_PASSWORD} characters`).max(256),
});
type RegisterForm = z.input<typeof registerFormSchema>;

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
  } = useForm<RegisterForm, unknown, z.output<typeof registerFormSchema>>({
    resolver: zodResolver(registerFormSchema),
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
          hint={`At least ${MIN_PASSWORD} characters.`}
        >
          <Input
            type="password"
            autoComplete="new-password"
            {...fieldAria("password", errors.password?.message, `At least ${MIN_PASSWORD} characters.`)}
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
