import { describe, expect, it } from "vitest";
import { activeHref, navItemsFor } from "@/components/dashboard/nav-items";
import { permissionsForRole } from "@/lib/auth/permissions";

describe("the dashboard navigation", () => {
  const items = navItemsFor(new Set(permissionsForRole("manager")));

  it("offers both Calls and Live calls to whoever may view calls", () => {
    expect(items.map((i) => i.href)).toEqual(expect.arrayContaining(["/calls", "/calls/live"]));
    expect(navItemsFor(new Set(permissionsForRole("agent"))).map((i) => i.label)).toEqual(expect.arrayContaining(["Calls", "Live calls"]));
  });

  it("marks one item: the most specific match", () => {
    expect(activeHref("/calls", items)).toBe("/calls");
    expect(activeHref("/calls/call_123", items)).toBe("/calls");
    expect(activeHref("/calls/live", items)).toBe("/calls/live");
    expect(activeHref("/", items)).toBe("/");
    expect(activeHref("/settings/users", items)).toBe("/settings");
    expect(activeHref("/callsx", items)).toBeNull();
  });
});
