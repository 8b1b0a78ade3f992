import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { signupAllowed } from "@/lib/auth/register-organization";
import { RegisterForm } from "@/components/auth/register-form";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage() {
  // ALLOW_SIGNUP is read when the page is requested, not when it was built.
  await connection();
  if (!signupAllowed()) {
    return (
      <AuthCard title="Sign-up is disabled" description="This Vocelio deployment is invite-only.">
        <Alert tone="info">Ask an administrator of your organization to add you, then sign in.</Alert>
        <Link href="/login" className={buttonClasses({ className: "mt-6 w-full" })}>
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  return <RegisterForm />;
}
