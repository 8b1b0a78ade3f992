import { describe, expect, it } from "vitest";
import { guessField, resolveMapping } from "@/lib/leads/resolve-mapping";
import { ApiError } from "@/lib/api/errors";

describe("guessField", () => {
  it("matches common header names whatever their case and punctuation", () => {
    expect(["Phone", "phone_number", "Mobile Phone", "CELL", "Telephone"].map(guessField)).toEqual(Array(5).fill("phone_number"));
    expect(["First Name", "given_name"].map(guessField)).toEqual(["first_name", "first_name"]);
    expect(["Surname", "E-mail", "Company Name", "Time Zone", "Name"].map(guessField)).toEqual(["last_name", "email", "company", "timezone", "full_name"]);
    expect(guessField("Favourite colour")).toBeNull();
  });
});

describe("resolveMapping", () => {
  it("applies an explicit mapping and leaves other columns as custom fields", () => {
    const plan = resolveMapping(["phone", "name", "notes"], { phone: "phone_number", name: "full_name" });
    expect(plan.map((p) => p.field)).toEqual(["phone_number", "full_name", null]);
  });

  it("guesses each field once when there is no mapping", () => {
    const plan = resolveMapping(["Mobile", "Phone", "Email"], undefined);
    expect(plan.map((p) => p.field)).toEqual(["phone_number", null, "email"]);
  });

  it("refuses a missing column, a doubled target and no phone column", () => {
    const fail = (header: string[], mapping?: Record<string, "phone_number" | "email">) => {
      try {
        resolveMapping(header, mapping);
      } catch (error) {
        if (error instanceof ApiError) return [error.code, (error.details.fields as { field: string }[]).map((f) => f.field)];
      }
      return null;
    };
    expect(fail(["phone"], { mobile: "phone_number" })).toEqual(["VALIDATION_002", ["mapping.mobile"]]);
    expect(fail(["a", "b"], { a: "phone_number", b: "phone_number" })).toEqual(["VALIDATION_002", ["mapping"]]);
    expect(fail(["name", "email"])).toEqual(["VALIDATION_001", ["mapping.phone_number"]]);
  });
});
