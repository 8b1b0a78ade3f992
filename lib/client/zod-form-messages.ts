// Form wording for the generic checks of the API's shared zod schemas (their own custom messages win).
// Passed to zodResolver as the parse-level error map, so the server's schemas stay untouched.
import type { z } from "zod";

function count(value: number | bigint): string {
  return Number(value).toLocaleString("en-US");
}

export const formErrorMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return "Must be a whole number";
      if (issue.expected === "number") return "Enter a number";
      return issue.input === undefined || issue.input === null ? "Required" : undefined;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 || issue.input === "" ? "Required" : `Must be at least ${count(issue.minimum)} characters`;
      if (issue.origin === "number" || issue.origin === "int") return `Must be at least ${count(issue.minimum)}`;
      if (issue.origin === "array") return Number(issue.minimum) <= 1 ? "Choose at least one" : `Choose at least ${count(issue.minimum)}`;
      return undefined;
    case "too_big":
      if (issue.origin === "string") return `Must be at most ${count(issue.maximum)} characters`;
      if (issue.origin === "number" || issue.origin === "int") return `Must be at most ${count(issue.maximum)}`;
      return undefined;
    case "invalid_value":
      return "Choose one of the options";
    default:
      return undefined;
  }
};
