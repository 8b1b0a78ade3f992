import { describe, expect, it } from "vitest";
import { permissionsForRole, PERMISSIONS } from "@/lib/auth/permissions";
import { newId } from "@/lib/ids";

describe("roles", () => {
  it("admins have everything, managers all but webhooks and jobs, agents only their console", () => {
    expect(permissionsForRole("admin")).toEqual([...PERMISSIONS]);
    expect(permissionsForRole("admin")).toEqual(expect.arrayContaining(["jobs.view", "jobs.manage"]));
    expect(permissionsForRole("manager")).not.toContain("webhooks.manage");
    expect(permissionsForRole("manager")).not.toContain("jobs.view");
    expect(permissionsForRole("manager")).not.toContain("jobs.manage");
    expect(permissionsForRole("manager")).toContain("users.manage");
    expect(permissionsForRole("agent").sort()).toEqual(["agents.view", "calls.update", "calls.view", "campaigns.view", "voices.view"]);
  });
});

describe("ids", () => {
  it("carry their type prefix and do not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId("user")));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^user_[0-9A-Za-z]{20}$/);
  });
});
