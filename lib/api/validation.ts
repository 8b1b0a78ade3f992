// zod issues → the spec's validation codes. A missing required field is VALIDATION_001, a value of the
// wrong shape VALIDATION_002, a value outside its allowed range VALIDATION_003. `details.fields`
// lists every problem so forms can show each one beside its input.
import { z } from "zod";
import { ApiError, type ErrorCode } from "@/lib/api/errors";

export type FieldError = { field: string; code: ErrorCode; message: string };

function codeFor(issue: z.core.$ZodIssue): ErrorCode {
  // A refinement may name its code, e.g. `params: { code: "VALIDATION_003" }` for "end before start".
  if (issue.code === "custom" && typeof issue.params?.code === "string" && issue.params.code.startsWith("VALIDATION_")) {
    return issue.params.code as ErrorCode;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return "VALIDATION_001";
  if (issue.code === "too_small" || issue.code === "too_big") return "VALIDATION_003";
  return "VALIDATION_002";
}

function messageFor(issue: z.core.$ZodIssue, code: ErrorCode): string {
  if (code === "VALIDATION_001") return "Required";
  if (issue.code === "unrecognized_keys") return `Unknown field(s): ${issue.keys.join(", ")}`;
  return issue.message;
}

const SEVERITY: ErrorCode[] = ["VALIDATION_001", "VALIDATION_002", "VALIDATION_003"];

export function validationError(error: z.ZodError, where: "body" | "query" | "params", prefix: string[] = []): ApiError {
  const fields: FieldError[] = error.issues.map((issue) => {
    const code = codeFor(issue);
    const path = [...prefix, ...issue.path.map(String)];
    const field = path.length ? path.join(".") : where;
    return { field, code, message: messageFor(issue, code) };
  });
  const top = SEVERITY.find((c) => fields.some((f) => f.code === c)) ?? "VALIDATION_002";
  const first = fields[0];
  const message = fields.length === 1 && first ? `${first.field}: ${first.message}` : `Invalid ${where}: ${fields.length} problems`;
  return new ApiError(top, message, { fields });
}

/** Parses with zod, reporting inputs so missing fields can be told apart from wrong ones. `prefix` names
 *  where a nested value sits in the request (e.g. ["schedule"]) when a service validates a merged part. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: "body" | "query" | "params",
  prefix: string[] = [],
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw validationError(result.error, where, prefix);
  return result.data;
}

/** A query parameter that may be sent several times (`?status=a&status=b`), or once: always an array. */
export function queryList<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));
}
