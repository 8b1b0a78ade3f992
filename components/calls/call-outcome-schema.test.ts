import { describe, expect, it } from "vitest";
import { updateCallSchema } from "@/lib/calls/schemas";
import { callOutcomeFormSchema, outcomeBody, outcomeDefaults, satisfactionOptions } from "@/components/calls/call-outcome-schema";

const saved = outcomeDefaults({ disposition: "callback", customer_satisfaction: 4, agent_notes: "Call after 3" });

describe("the call outcome form", () => {
  it("shows a call's outcome, with blanks for what is not recorded", () => {
    expect(saved).toEqual({ disposition: "callback", customer_satisfaction: "4", agent_notes: "Call after 3" });
    expect(outcomeDefaults({ disposition: null, customer_satisfaction: null, agent_notes: null })).toEqual({ disposition: "", customer_satisfaction: "", agent_notes: "" });
  });

  it("sends only what changed, in the shape the API validates", () => {
    const body = outcomeBody({ ...saved, disposition: "interested", customer_satisfaction: "5" }, saved);
    expect(body).toEqual({ disposition: "interested", customer_satisfaction: 5 });
    expect(updateCallSchema.safeParse(body).success).toBe(true);
    expect(outcomeBody(saved, saved)).toBeNull();
    // Whitespace alone is not a change.
    expect(outcomeBody({ ...saved, agent_notes: " Call after 3 " }, saved)).toBeNull();
  });

  it("clears notes with null, which the API accepts", () => {
    const body = outcomeBody({ ...saved, agent_notes: "   " }, saved);
    expect(body).toEqual({ agent_notes: null });
    expect(updateCallSchema.safeParse(body).success).toBe(true);
  });

  it("never sends an empty disposition or rating (the API cannot clear them)", () => {
    const blank = outcomeDefaults({ disposition: null, customer_satisfaction: null, agent_notes: null });
    expect(outcomeBody(blank, blank)).toBeNull();
    expect(outcomeBody({ ...blank, agent_notes: "Left a message" }, blank)).toEqual({ agent_notes: "Left a message" });
  });

  it("validates ratings and the notes' length", () => {
    expect(callOutcomeFormSchema.safeParse({ ...saved, customer_satisfaction: "6" }).success).toBe(false);
    expect(callOutcomeFormSchema.safeParse({ ...saved, disposition: "maybe" }).success).toBe(false);
    expect(callOutcomeFormSchema.safeParse({ ...saved, agent_notes: "x".repeat(5001) }).success).toBe(false);
    expect(callOutcomeFormSchema.safeParse(saved).success).toBe(true);
  });

  it("offers 1–5 and keeps an in-between rating an integrator saved", () => {
    expect(satisfactionOptions("4").map((o) => o.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(satisfactionOptions("4.5").map((o) => o.value)).toEqual(["1", "2", "3", "4", "4.5", "5"]);
  });
});
