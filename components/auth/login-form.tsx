"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/client/safe-callback-url";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";

const loginFormSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password"),
});

/** Messages for the `?error=` codes this app or next-auth put on the sign-in URL. */
function messageForErrorCode(code: string | null): string | null {
  if (!code) return null;
  if (code === "SessionEnded") return "Your session ended, please sign in again";
  return "Sign-in failed. Please try again.";
}

export function LoginForm({
  callbackUrl,
  errorCode,
  signupAllowed,
}: {
  callbackUrl: string | null;
  errorCode: string | null;
  signupAllowed: boolean;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const urlNotice = messageForErrorCode(errorCode);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(loginFormSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error || !result.ok) {
      setFormError(result?.error || "Sign-in failed. Please try again.");
      return;
    }
    setRedirecting(true);
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
    router.refresh();
  });

  const shownError = formError ?? (urlNotice && errorCode !== "SessionEnded" ? urlNotice : null);

  return (
    <AuthCard
      title="Sign in to Vocelio"
      description="Use the email and password of your Vocelio account."
      footer={
        signupAllowed ? (
          <>
            New to Vocelio?{" "}
            <Link href="/register" className="font-medium text-brand-600 hover:text-brand-700 hover:underline">
              Create an account
            </Link>
          </>
        ) : null
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="login-form">
        {errorCode === "SessionEnded" && !formError ? (
          <Alert tone="warning" data-testid="session-ended">
            Your session ended, please sign in again
          </Alert>
        ) : null}
        {shownError ? (
          <Alert tone="error" data-testid="login-error">
            {shownError}
          </Alert>
        ) : null}
        <Field id="email" label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} {...fieldAria("email", errors.email?.message)} {...register("email")} />
        </Field>
        <Field id="password" label="Password" error={errors.password?.message}>
          <Input type="password" autoComplete="current-password" {...fieldAria("password", errors.password?.message)} {...register("password")} />
        </Field>
        <Button type="submit" className="w-full" pending={isSubmitting || redirecting}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
