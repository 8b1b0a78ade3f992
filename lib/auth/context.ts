import type { Permission, Role } from "@/lib/auth/permissions";

export type Plan = "standard" | "professional" | "enterprise";

export type OrganizationRef = { id: string; name: string; plan: Plan; timezone: string; defaultCountry: string };

/** The machine callers that act without a person: the dialer, the cron tick, a telephony provider's
 *  callbacks (Twilio or the built-in carrier simulator), and the job runner. */
export type SystemActorId = "dialer" | "cron" | "twilio" | "simulator" | "jobs";

/** Who did it, as the audit log records it. */
export type Actor =
  | { kind: "user"; id: string }
  | { kind: "api_key"; id: string; userId: string }
  | { kind: "system"; id: SystemActorId };

/** Who is calling and for which organization; every service takes it and scopes by organization.id. */
export type AuthContext = {
  requestId: string;
  organization: OrganizationRef;
  user: { id: string; email: string; name: string; role: Role };
  actor: Extract<Actor, { kind: "user" | "api_key" }>;
  permissions: ReadonlySet<Permission>;
  via: "jwt" | "api_key" | "session_cookie";
  apiKeyId: string | null;
  sessionId: string | null;
};

/** Work done by the system for an organization (a provider callback, the dialer, a job): no user. */
export type SystemContext = {
  requestId: string;
  organization: OrganizationRef;
  actor: Extract<Actor, { kind: "system" }>;
};

/** What services that both people and machines reach (e.g. placing a call) take. */
export type ServiceContext = AuthContext | SystemContext;

export function systemContext(organization: OrganizationRef, id: SystemActorId, requestId: string): SystemContext {
  return { requestId, organization, actor: { kind: "system", id } };
}
