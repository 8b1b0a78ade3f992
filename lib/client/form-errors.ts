import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";

/**
 * Puts the API's `details.fields` beside the matching inputs. `fieldMap` maps the request's field names
 * (e.g. "preferences.timezone") to form field names. Returns the message to show at the top of the
 * form for whatever could not be placed on an input, or null when every problem found its input.
 */
export function applyApiErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldMap: Partial<Record<string, Path<T>>>,
): string | null {
  if (!(error instanceof ApiClientError)) return errorMessage(error);
  const unplaced: string[] = [];
  for (const field of error.fields) {
    const target = fieldMap[field.field];
    if (target) setError(target, { type: "server", message: field.message });
    else unplaced.push(`${field.field}: ${field.message}`);
  }
  if (error.fields.length === 0) return error.message;
  return unplaced.length ? unplaced.join("; ") : null;
}
