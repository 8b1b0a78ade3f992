// Sign-in, tokens and sign-up as the OpenAPI document describes them (schemas from ./schemas.ts).
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { loginSchema, logoutSchema, refreshSchema, registerSchema } from "@/lib/auth/schemas";

const tokensFields = {
  token: z.string().meta({ description: "Access token (JWT, HS256), valid `expires_in` seconds." }),
  refresh_token: z.string().meta({ description: "Single-use refresh token; rotating it twice revokes the session." }),
  expires_in: z.number().int(),
  user: z.object({ id: z.string(), email: z.string(), organization_id: z.string() }),
};
export const tokenPairResponse = z.object(tokensFields).meta({ id: "TokenPair" });
export const registerResponse = z
  .object({
    ...tokensFields,
    // A replay of the sign-up (same Idempotency-Key) confirms it without the tokens, which are never stored.
    token: tokensFields.token.optional(),
    refresh_token: tokensFields.refresh_token.optional(),
    organization: z.object({ organization_id: z.string(), name: z.string(), plan: z.enum(["standard", "professional", "enterprise"]), timezone: z.string(), default_country: z.string() }),
  })
  .meta({ id: "Registration" });

export const AUTH_OPERATIONS = defineOperations([
  {
    method: "POST",
    path: "/api/auth/login",
    operationId: "login",
    summary: "Sign in with email and password",
    description: "5 failures for one email from one address in 15 minutes lock that address out for it (SERVICE_002); 50 from anywhere lock the account. Idempotency-Key is not applied: the reply carries credentials.",
    tag: "Authentication",
    auth: "public",
    body: loginSchema,
    example: { email: "user@company.com", password: "secure_password" },
    response: { kind: "json", status: 200, schema: tokenPairResponse },
    errors: ["AUTH_001"],
  },
  {
    method: "POST",
    path: "/api/auth/refresh",
    operationId: "refreshToken",
    summary: "Rotate a refresh token for a new token pair",
    tag: "Authentication",
    auth: "public",
    body: refreshSchema,
    response: { kind: "json", status: 200, schema: tokenPairResponse },
    errors: ["AUTH_001", "AUTH_002"],
  },
  {
    method: "POST",
    path: "/api/auth/logout",
    operationId: "logout",
    summary: "End the sign-in session of a refresh token",
    tag: "Authentication",
    auth: "public",
    body: logoutSchema,
    response: { kind: "json", status: 200, schema: z.object({ revoked: z.literal(true) }) },
  },
  {
    method: "POST",
    path: "/api/auth/register",
    operationId: "register",
    summary: "Create an organization and its first admin",
    tag: "Authentication",
    auth: "public",
    body: registerSchema,
    response: { kind: "json", status: 201, schema: registerResponse },
    errors: ["RESOURCE_002", "RESOURCE_003"],
  },
]);
