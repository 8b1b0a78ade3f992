// Personas by number and the callee's replies: deterministic, fitting the question, and what the
// offline understanding reads as the persona means (the simulator's callers must be understood).
import { describe, expect, it } from "vitest";
import { calleeReply, questionKind } from "@/lib/telephony/simulator/callee";
import { PERSONA_NAMES, personaFor } from "@/lib/telephony/simulator/personas";
import { seededRandom } from "@/lib/seeded-random";
import { understand } from "@/lib/agents/understanding/understand";

describe("personaFor", () => {
  it("answers the 555-01NN test numbers with persona NN, wrapping past the table", () => {
    expect(personaFor("+12015550100").name).toBe("interested");
    expect(personaFor("+14155550104").name).toBe("opt_out");
    expect(personaFor("+13125550106").name).toBe("busy");
    expect(personaFor("+12125550114").name).toBe("curious");
    expect(personaFor("+12125550115").name).toBe("interested");
    // Every persona is reachable from the demo seed's lines 0100–0199.
    const seen = new Set(Array.from({ length: 100 }, (_, i) => personaFor(`+1212555${String(100 + i).padStart(4, "0")}`).name));
    expect([...seen].sort()).toEqual([...PERSONA_NAMES].sort());
  });

  it("gives other numbers a persona fixed by their digits, and lets a lead's sim_persona override", () => {
    expect(personaFor("+14045551234").name).toBe(personaFor("+14045551234").name);
    expect(personaFor("+14045551234", "hostile").name).toBe("hostile");
    expect(personaFor("+12015550100", "not-a-persona").name).toBe("interested");
    // Over many numbers the mix answers about as often as people do (the table's weights: 59 % human).
    const humans = Array.from({ length: 2000 }, (_, i) => personaFor(`+1303${String(2000000 + i * 37).padStart(7, "0")}`)).filter((p) => p.pickup === "human").length;
    expect(humans / 2000).toBeGreaterThan(0.5);
    expect(humans / 2000).toBeLessThan(0.68);
  });
});

describe("calleeReply", () => {
  it("reads what the agent asked", () => {
    expect(questionKind("Would you like to renew it?")).toBe("yes_no");
    expect(questionKind("Great. When would be a better time to call you back?")).toBe("time");
    expect(questionKind("What matters most to you in a plan?")).toBe("open");
    expect(questionKind("Thanks, goodbye.")).toBe("none");
  });

  it("replays the same call the same way", () => {
    const run = () => [0, 1, 2].map((turn) => calleeReply("price_then_interested", "Would you like to renew?", turn, seededRandom(7)).text);
    expect(run()).toEqual(run());
  });

  it("speaks for a while, stays silent when silent, and hangs up when that is the persona", () => {
    const reply = calleeReply("opt_out", "Would you like to renew?", 0, seededRandom(1));
    expect(reply.speakingSeconds).toBeGreaterThan(1);
    expect(calleeReply("silent", "Would you like to renew?", 0, seededRandom(1))).toEqual({ text: null, speakingSeconds: 0, hangUpAfter: false });
    expect(calleeReply("hangs_up", "Would you like to renew?", 0, seededRandom(1)).hangUpAfter).toBe(true);
  });

  it("says what the agent understands the persona to mean, on every phrase", () => {
    const expected: Record<string, string[]> = {
      interested: ["affirm", "interested"],
      not_interested: ["not_interested", "deny"],
      opt_out: ["opt_out"],
      wrong_person: ["wrong_person"],
      hostile: ["hostile"],
      callback: ["callback_request"],
    };
    for (const [persona, intents] of Object.entries(expected)) {
      for (let seed = 0; seed < 40; seed++) {
        const reply = calleeReply(persona as never, "Would you like to renew it?", 0, seededRandom(seed));
        if (!reply.text) continue;
        const intent = understand(reply.text, { context: "yes_no", knowledge: [], timeZone: "America/New_York", now: new Date("2026-12-01T15:00:00Z") }).intent;
        expect(intents, `${persona}: "${reply.text}" → ${intent}`).toContain(intent);
      }
    }
    const first = calleeReply("price_then_interested", "Would you like to renew?", 0, seededRandom(3)).text!;
    expect(understand(first, { context: "yes_no", knowledge: [], timeZone: "UTC", now: new Date() }).intent).toBe("price_question");
  });
});
