// An API operation as the OpenAPI document describes it. Each domain declares its operations beside
// its schemas (`lib/<domain>/operations.ts`), with the same zod schemas its routes validate with, so
// the document cannot describe a request the route would not take. lib/api/openapi/document.ts
// builds the document from every domain's list; a test checks that every route file × method is in it.
import type { z } from "zod";
import type { ErrorCode } from "@/lib/api/errors";
import type { Permission } from "@/lib/auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How the caller is authenticated: a user or API key, nobody, a provider's signature, the scheduler,
 *  or a signed URL (the signature is in the query). */
export type OperationAuth = "user" | "public" | "twilio" | "cron" | "signed_url";

export type OperationResponse =
  /** The success envelope around `schema` (`list`: an array with the pagination block; `listKey`:
   *  that array nested as `data.<listKey>`, where the spec shows it so). */
  | { kind: "json"; status: 200 | 201 | 202; schema: z.ZodType; list?: boolean; listKey?: string; description?: string }
  /** Not enveloped: a file, CSV, XML or the OpenAPI document itself. */
  | { kind: "raw"; status: 200; contentType: string; description: string; schema?: z.ZodType; ranges?: boolean };

export type Operation = {
  method: HttpMethod;
  /** OpenAPI path template, e.g. "/api/campaigns/{campaign_id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: OperationAuth;
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart/form-data body: its text fields and the name of its one file field. */
  multipart?: { fields: z.ZodObject; fileField: string; fileDescription: string };
  /** A form-encoded body (provider callbacks). */
  form?: z.ZodObject;
  response: OperationResponse;
  /** Error codes this operation can return beyond the ones its auth mode implies. */
  errors?: ErrorCode[];
  /** An example request body from the spec. */
  example?: unknown;
};

export const defineOperations = (operations: Operation[]) => operations;
