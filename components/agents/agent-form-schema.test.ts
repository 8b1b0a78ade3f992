import { describe, expect, it } from "vitest";
import { createAgentSchema } from "@/lib/agents/schemas";
import {
  DEFAULT_WHISPER,
  agentFormSchema,
  formFieldMap,
  liveProblems,
  newAgentDefaults,
  problemMap,
  toRequestBody,
  type AgentFormInput,
} from "@/components/agents/agent-form-schema";
import { freeStepId, makeStep, referencesTo } from "@/components/agents/flow-steps";

const filled = (): AgentFormInput => ({ ...newAgentDefaults(), name: "Renewals", voice_id: "voice_ava", first_message: "Hi {{lead.first_name}}." });

describe("the agent form", () => {
  it("sends what the API takes: empty texts as null, the transfer switched off as null", () => {
    const body = toRequestBody(agentFormSchema.parse(filled()));
    expect(body).toMatchObject({ description: null, voicemail_message: null, transfer: null, disclosure: expect.stringContaining("AI") });
    expect(createAgentSchema.safeParse(body).success).toBe(true);
  });

  it("keeps the transfer target only when the transfer is on, and checks it then", () => {
    const on = { ...filled(), transfer: { enabled: true, to: "555", whisper: DEFAULT_WHISPER } };
    const refused = agentFormSchema.safeParse(on);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["transfer.to"]);
    const parsed = agentFormSchema.parse({ ...on, transfer: { ...on.transfer, to: "+15551234567" } });
    expect(parsed.transfer).toEqual({ to: "+15551234567", whisper: DEFAULT_WHISPER });
  });

  it("refuses an empty disclosure and a missing voice", () => {
    const result = agentFormSchema.safeParse({ ...filled(), disclosure: " ", voice_id: "" });
    expect(new Set(result.error?.issues.map((i) => i.path.join(".")))).toEqual(new Set(["disclosure", "voice_id"]));
  });

  it("finds the flow's problems live, keyed by the field they concern", () => {
    expect(liveProblems(filled())).toEqual([]);
    const values = filled();
    values.flow.steps[2] = { ...values.flow.steps[2]!, id: "closing" };
    const problems = problemMap(liveProblems(values));
    expect(problems.get("flow.steps.0.branches.0.next")).toEqual(['No step is named "close"']);
    const unknownVariable = problemMap(liveProblems({ ...filled(), first_message: "Hi {{lead.nickname}}" }));
    expect(unknownVariable.get("first_message")?.[0]).toMatch(/Unknown variable \{\{lead\.nickname\}\}/);
  });

  it("puts the API's field errors on inputs of the same name, and only those", () => {
    const map = formFieldMap([{ field: "flow.steps.2.next" }, { field: "flow.steps.2" }, { field: "transfer.to" }, { field: "knowledge.0.answer" }]);
    expect(map).toEqual({ "flow.steps.2.next": "flow.steps.2.next", "transfer.to": "transfer.to", "knowledge.0.answer": "knowledge.0.answer" });
  });
});

describe("flow steps in the editor", () => {
  it("names new steps freely and points them at a step that ends the call", () => {
    const { steps } = newAgentDefaults().flow;
    expect(freeStepId("say", ["say_1", "ask_1"])).toBe("say_2");
    expect(makeStep("say", "say_1", steps)).toEqual({ id: "say_1", kind: "say", text: "", next: "close" });
    // A step changing kind keeps its words.
    expect(makeStep("end", "interest", steps, steps[0])).toMatchObject({ kind: "end", text: "Would you like to hear more?" });
  });

  it("finds every reference to a step, for renaming", () => {
    const { flow } = newAgentDefaults();
    expect(referencesTo(flow, "interest")).toEqual(["flow.start", "flow.steps.1.next"]);
    expect(referencesTo(flow, "goodbye")).toEqual(["flow.steps.0.branches.1.next", "flow.steps.0.otherwise"]);
  });
});
