import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseOrThrow } from "@/lib/api/validation";
import { ApiError } from "@/lib/api/errors";

const schema = z.strictObject({ email: z.email(), age: z.number().int().min(18).max(120), name: z.string() });

function errorOf(value: unknown): ApiError {
  try {
    parseOrThrow(schema, value, "body");
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error("expected a validation error");
}

describe("zod issues → validation codes", () => {
  it("maps missing, malformed and out-of-range fields, most severe first", () => {
    const error = errorOf({ email: "nope", age: 5 });
    expect(error.code).toBe("VALIDATION_001");
    expect(error.details.fields).toEqual([
      { field: "email", code: "VALIDATION_002", message: expect.any(String) },
      { field: "age", code: "VALIDATION_003", message: expect.any(String) },
      { field: "name", code: "VALIDATION_001", message: "Required" },
    ]);
  });

  it("uses VALIDATION_002 for wrong types and unknown keys, VALIDATION_003 for ranges alone", () => {
    expect(errorOf({ email: "a@b.co", age: "old", name: "x" }).code).toBe("VALIDATION_002");
    expect(errorOf({ email: "a@b.co", age: 30, name: "x", extra: 1 }).details.fields).toEqual([
      { field: "body", code: "VALIDATION_002", message: "Unknown field(s): extra" },
    ]);
    expect(errorOf({ email: "a@b.co", age: 200, name: "x" }).code).toBe("VALIDATION_003");
  });

  it("reports a missing body as a required field", () => {
    expect(errorOf(undefined).code).toBe("VALIDATION_001");
  });
});
