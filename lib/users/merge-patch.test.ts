import { describe, expect, it } from "vitest";
import { mergePatch } from "@/lib/users/merge-patch";

describe("mergePatch (RFC 7386)", () => {
  it("merges objects deeply, deletes on null, replaces arrays and scalars", () => {
    const target = { timezone: "UTC", ui: { theme: "light", density: "compact" }, tags: ["a"], n: 1 };
    const patch = { ui: { theme: "dark" }, tags: ["b"], n: null, added: true };
    expect(mergePatch(target, patch)).toEqual({ timezone: "UTC", ui: { theme: "dark", density: "compact" }, tags: ["b"], added: true });
    expect(target.ui.theme).toBe("light");
  });

  it("treats a non-object target as empty", () => {
    expect(mergePatch("x", { a: 1 })).toEqual({ a: 1 });
  });
});
