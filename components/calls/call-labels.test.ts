import { describe, expect, it } from "vitest";
import { ENDED_REASONS } from "@/lib/calls/call-status";
import { dispositionLabel, dispositionTone, endedReasonText, humanize, isActiveStatus, sentimentTone } from "@/components/calls/call-labels";

describe("why a call ended, in words", () => {
  it("has words for every reason the state machine gives", () => {
    for (const reason of ENDED_REASONS) {
      const text = endedReasonText(reason);
      expect(text, reason).toBeTruthy();
      expect(text, reason).not.toContain("_");
    }
    expect(endedReasonText("hung_up_by_lead")).toBe("The lead hung up");
    expect(endedReasonText("no_answer")).toBe("No one answered");
    expect(endedReasonText("max_duration")).toBe("Reached the time limit");
  });

  it("spells out a reason it does not know yet, and says nothing for none", () => {
    expect(endedReasonText("sip_timeout")).toBe("Sip timeout");
    expect(endedReasonText(null)).toBeNull();
    expect(endedReasonText("")).toBeNull();
    // Not fooled by Object.prototype.
    expect(endedReasonText("toString")).toBe("To string");
  });
});

describe("call vocabulary", () => {
  it("knows which statuses are still on the line", () => {
    expect(["initiated", "ringing", "in_progress"].every(isActiveStatus)).toBe(true);
    expect(isActiveStatus("completed")).toBe(false);
    expect(isActiveStatus("failed")).toBe(false);
  });

  it("labels dispositions, known or not", () => {
    expect(dispositionLabel("do_not_call")).toBe("Do not call");
    expect(dispositionLabel("left_message")).toBe("Left message");
    expect(dispositionLabel(null)).toBeNull();
    expect(dispositionTone("converted")).toBe("success");
    expect(dispositionTone("constructor")).toBe("neutral");
  });

  it("colours sentiment", () => {
    expect(sentimentTone("positive")).toBe("success");
    expect(sentimentTone("negative")).toBe("danger");
    expect(sentimentTone("neutral")).toBe("neutral");
    expect(sentimentTone(null)).toBe("neutral");
  });

  it("humanizes codes", () => {
    expect(humanize("qualityScore")).toBe("Quality score");
    expect(humanize("talk_ratio")).toBe("Talk ratio");
    expect(humanize("amd")).toBe("Amd");
  });
});
