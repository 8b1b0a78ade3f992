import type { Metadata } from "next";
import { signupAllowed } from "@/lib/auth/register-organization";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return (
    <LoginForm
      callbackUrl={first(params.callbackUrl) ?? null}
      errorCode={first(params.error) ?? null}
      signupAllowed={signupAllowed()}
    />
  );
}
