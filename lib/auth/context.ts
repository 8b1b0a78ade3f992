import type { Permission, Role } from "@/lib/auth/permissions";

export type Plan = "standard" | "professional" | "enterprise";

/** Who is calling and for which organization; every service takes it and scopes by organization.id. */
export type AuthContext = {
  requestId: string;
  organization: { id: string; name: string; plan: Plan; timezone: string; defaultCountry: string };
  user: { id: string; email: string; name: string; role: Role };
  permissions: ReadonlySet<Permission>;
  via: "jwt" | "api_key" | "session_cookie";
  apiKeyId: string | null;
  sessionId: string | null;
};
