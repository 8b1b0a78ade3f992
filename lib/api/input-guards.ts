// Checks on raw input that hold for every route, before any schema: Postgres text cannot hold a NUL
// character (the driver fails with a 500), and JSON nested without bound overflows the stack of
// every recursive walk that follows (validation, hashing, logging).
import { ApiError } from "@/lib/api/errors";

export const MAX_JSON_DEPTH = 32;

function nulError(field: string): ApiError {
  return new ApiError("VALIDATION_002", `${field}: must not contain a NUL character`, {
    fields: [{ field, code: "VALIDATION_002", message: "Must not contain a NUL (\\u0000) character" }],
  });
}

/** Throws VALIDATION_002 naming the first string (or object key) that holds U+0000. */
export function assertNoNul(value: unknown, where: string, path: string[] = []): void {
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw nulError(path.length ? path.join(".") : where);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoNul(item, where, [...path, String(i)]));
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) throw nulError([...path, key.replace(/\u0000/g, "\\u0000")].join(".") || where);
      assertNoNul(item, where, [...path, key]);
    }
  }
}

/** Throws VALIDATION_003 when JSON text nests arrays/objects deeper than `max`, without parsing it. */
export function assertJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) {
        throw new ApiError("VALIDATION_003", `Request body is nested deeper than ${max} levels`, {
          fields: [{ field: "body", code: "VALIDATION_003", message: `Nested deeper than ${max} levels` }],
        });
      }
    } else if (c === 93 || c === 125) depth--;
  }
}
