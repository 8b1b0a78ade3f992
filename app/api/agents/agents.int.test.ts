// Agents and test conversations through their route handlers against a real database: create with
// defaults, validation (templates, flow graph, voice), permissions, another organization's ids, in
// use by a campaign, and whole conversations through the offline engine with text alone.
import { beforeAll, describe, expect, it } from "vitest";
import * as agentsRoute from "@/app/api/agents/route";
import * as agentRoute from "@/app/api/agents/[agent_id]/route";
import * as enginesRoute from "@/app/api/agents/engines/route";
import * as conversationsRoute from "@/app/api/agents/[agent_id]/conversations/route";
import * as turnsRoute from "@/app/api/agents/[agent_id]/conversations/[conversation_id]/turns/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as campaignRoute from "@/app/api/campaigns/[campaign_id]/route";
import * as voiceRoute from "@/app/api/voice/voices/[voice_id]/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { startLlmFixture } from "@/lib/testing/llm-fixture";

type Org = Awaited<ReturnType<typeof createOrg>>;
let a: Org;
let b: Org;

const create = (body: unknown, token = a.manager.token) => call(agentsRoute.POST, { method: "POST", path: "/api/agents", token, body });
const list = (query: Record<string, string> = {}, token = a.agent.token) => call(agentsRoute.GET, { path: "/api/agents", token, query });
const get = (id: string, token = a.agent.token) => call(agentRoute.GET, { path: `/api/agents/${id}`, params: { agent_id: id }, token });
const put = (id: string, body: unknown, token = a.manager.token) =>
  call(agentRoute.PUT, { method: "PUT", path: `/api/agents/${id}`, params: { agent_id: id }, token, body });
const del = (id: string, token = a.manager.token) => call(agentRoute.DELETE, { method: "DELETE", path: `/api/agents/${id}`, params: { agent_id: id }, token });
const start = (id: string, body: unknown = {}, token = a.agent.token) =>
  call(conversationsRoute.POST, { method: "POST", path: `/api/agents/${id}/conversations`, params: { agent_id: id }, token, body });
const turn = (id: string, conversationId: string, body: unknown, token = a.agent.token) =>
  call(turnsRoute.POST, {
    method: "POST",
    path: `/api/agents/${id}/conversations/${conversationId}/turns`,
    params: { agent_id: id, conversation_id: conversationId },
    token,
    body,
  });

const BASICS = { name: "Renewals", voice_id: "voice_ava", first_message: "Hi {{lead.first_name}}, it's about your {{lead.custom.plan|current}} plan." };

const says = (actions: { type: string; text?: string }[]) => actions.filter((x) => x.type === "say").map((x) => x.text);

beforeAll(async () => {
  a = await createOrg({ name: "Acme Insurance" });
  b = await createOrg({ name: "Other Co" });
});

describe("POST /api/agents", () => {
  it("creates an agent with every default filled in, and lists and reads it", async () => {
    const reply = await create({ ...BASICS, knowledge: [{ question: "Is there a free trial?", answer: "Yes, 14 days." }] });
    expect(reply.status).toBe(201);
    const agent = reply.json.data;
    expect(agent).toMatchObject({
      name: "Renewals",
      engine: "flow",
      language: "en-US",
      voice_id: "voice_ava",
      in_use: false,
      max_duration_seconds: 600,
      silence: { timeout_seconds: 5, reprompts: 2 },
      knowledge: [{ id: "kb_1", question: "Is there a free trial?", answer: "Yes, 14 days." }],
    });
    expect(agent.disclosure).toMatch(/automated AI voice/);
    expect(agent.flow.steps.length).toBeGreaterThan(0);

    const listed = await list();
    expect(listed.status).toBe(200);
    expect(listed.json.data.agents.map((x: { id: string }) => x.id)).toContain(agent.id);
    expect((await get(agent.id)).json.data.first_message).toBe(BASICS.first_message);
  });

  it("refuses a second agent with the same name in one organization (RESOURCE_002), not in another", async () => {
    await create({ ...BASICS, name: "Twin" });
    expectError(await create({ ...BASICS, name: "Twin" }), 409, "RESOURCE_002");
    expect((await create({ ...BASICS, name: "Twin" }, b.manager.token)).status).toBe(201);
  });

  it("names missing and malformed fields", async () => {
    const reply = await create({ name: "No voice" });
    expectError(reply, 400, "VALIDATION_001");
    expect(errorFields(reply)).toMatchObject({ voice_id: "VALIDATION_001", first_message: "VALIDATION_001" });
  });

  it("refuses an unknown template variable at save time, naming the field", async () => {
    const reply = await create({ ...BASICS, name: "Typo", first_message: "Hi {{lead.fist_name}}" });
    expectError(reply, 400, "VALIDATION_002");
    expect(reply.json.error!.message).toContain("lead.fist_name");
    expect(errorFields(reply)).toEqual({ first_message: "VALIDATION_002" });
  });

  it("cannot remove the disclosure or make it hide that the voice is automated", async () => {
    expect(errorFields(await create({ ...BASICS, name: "Hidden", disclosure: "" }))).toHaveProperty("disclosure");
    const reply = await create({ ...BASICS, name: "Human", disclosure: "Hi, this is Jane from Acme." });
    expectError(reply, 400, "VALIDATION_003");
    expect(errorFields(reply)).toHaveProperty("disclosure");
  });

  it("refuses a flow that would loop forever, an unreachable step and a branch to nowhere", async () => {
    const loop = {
      start: "a",
      steps: [
        { id: "a", kind: "ask", text: "Yes?", branches: [{ intents: ["affirm"], next: "b" }], otherwise: "b" },
        { id: "b", kind: "say", text: "Again.", next: "a" },
      ],
    };
    const looped = await create({ ...BASICS, name: "Loop", flow: loop });
    expectError(looped, 400, "VALIDATION_003");
    expect(looped.json.error!.message).toContain("loop forever");

    const orphan = { start: "a", steps: [{ id: "a", kind: "end", text: "Bye.", disposition: "not_interested" }, { id: "z", kind: "end", text: "Never.", disposition: "not_interested" }] };
    const unreachable = await create({ ...BASICS, name: "Orphan", flow: orphan });
    expect(errorFields(unreachable)).toEqual({ "flow.steps.1": "VALIDATION_003" });

    const nowhere = { start: "a", steps: [{ id: "a", kind: "ask", text: "Yes?", branches: [{ intents: ["affirm"], next: "nope" }], otherwise: "a" }] };
    expect(errorFields(await create({ ...BASICS, name: "Nowhere", flow: nowhere }))).toEqual({ "flow.steps.0.branches.0.next": "VALIDATION_003" });
  });

  it("refuses an end step whose outcome the agent may not set", async () => {
    const reply = await create({ ...BASICS, name: "Outcomes", outcomes: ["not_interested"] });
    expectError(reply, 400, "VALIDATION_003");
    expect(reply.json.error!.message).toContain('"interested"');
  });

  it("needs a ready voice of this organization's library", async () => {
    expect(errorFields(await create({ ...BASICS, name: "Nobody", voice_id: "voice_nobody" }))).toEqual({ voice_id: "VALIDATION_003" });
    const prisma = await db();
    const training = await prisma.voice.create({
      data: { id: newId("voice"), organizationId: a.org.id, provider: "builtin", providerVoiceId: `clone-${newId("voice")}`, name: "Training", language: "en-US", gender: "female", category: "conversational", status: "training" },
    });
    const reply = await create({ ...BASICS, name: "Early", voice_id: training.id });
    expectError(reply, 400, "VALIDATION_003");
    expect(reply.json.error!.message).toContain("still training");
    // Another organization's clone is not in this library.
    expect(errorFields(await create({ ...BASICS, name: "Theirs", voice_id: training.id }, b.manager.token))).toEqual({ voice_id: "VALIDATION_003" });
  });

  it("is for managers and admins; agents may only look", async () => {
    expectError(await create({ ...BASICS, name: "By agent" }, a.agent.token), 403, "AUTH_003");
    expect((await create({ ...BASICS, name: "By admin" }, a.admin.token)).status).toBe(201);
    expect((await list({}, a.agent.token)).status).toBe(200);
  });
});

describe("GET/PUT/DELETE /api/agents/{agent_id}", () => {
  it("changes any subset and checks the merged definition", async () => {
    const agent = (await create({ ...BASICS, name: "Editable" })).json.data;
    const reply = await put(agent.id, { description: "Renewal reminders", max_duration_seconds: 120 });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ description: "Renewal reminders", max_duration_seconds: 120, first_message: BASICS.first_message });
    // Dropping "interested" from the outcomes breaks the default flow's close step.
    expectError(await put(agent.id, { outcomes: ["not_interested"] }), 400, "VALIDATION_003");
    expectError(await put(agent.id, {}), 400, "VALIDATION_002");
    expectError(await put(agent.id, { name: "x" }, a.agent.token), 403, "AUTH_003");
  });

  it("hides another organization's agent: not found for every verb", async () => {
    const theirs = (await create({ ...BASICS, name: "Private" }, b.manager.token)).json.data;
    expectError(await get(theirs.id), 404, "RESOURCE_001");
    expectError(await put(theirs.id, { description: "x" }), 404, "RESOURCE_001");
    expectError(await del(theirs.id), 404, "RESOURCE_001");
    expectError(await start(theirs.id), 404, "RESOURCE_001");
  });

  it("is named by campaigns of its own organization only, and cannot be deleted while one uses it", async () => {
    const agent = (await create({ ...BASICS, name: "Busy" })).json.data;
    const theirs = (await create({ ...BASICS, name: "Elsewhere" }, b.manager.token)).json.data;
    const campaign = (
      await call(campaignsRoute.POST, {
        method: "POST",
        path: "/api/campaigns",
        token: a.manager.token,
        body: { name: "Spring renewals", campaign_type: "outbound_sales", settings: { agent_id: agent.id } },
      })
    ).json.data;
    const refused = await call(campaignsRoute.POST, {
      method: "POST",
      path: "/api/campaigns",
      token: a.manager.token,
      body: { name: "Stolen", campaign_type: "outbound_sales", settings: { agent_id: theirs.id } },
    });
    expectError(refused, 400, "VALIDATION_003");
    expect(errorFields(refused)).toEqual({ "settings.agent_id": "VALIDATION_003" });
    const update = await call(campaignRoute.PUT, {
      method: "PUT",
      path: `/api/campaigns/${campaign.campaign_id}`,
      params: { campaign_id: campaign.campaign_id },
      token: a.manager.token,
      body: { settings: { agent_id: theirs.id } },
    });
    expectError(update, 400, "VALIDATION_003");

    expect((await get(agent.id)).json.data.in_use).toBe(true);
    const refusedDelete = await del(agent.id);
    expectError(refusedDelete, 409, "RESOURCE_003");
    expect(refusedDelete.json.error!.details.used_by).toEqual([{ kind: "campaign", id: campaign.campaign_id, name: "Spring renewals" }]);

    const free = (await create({ ...BASICS, name: "Free" })).json.data;
    expect((await del(free.id)).json.data).toEqual({ id: free.id, deleted: true });
    expectError(await get(free.id), 404, "RESOURCE_001");
  });

  it("never lets a campaign name an agent that a delete at the same moment removes", async () => {
    for (let round = 0; round < 5; round++) {
      const agent = (await create({ ...BASICS, name: `Contested ${round}` })).json.data;
      const [campaign, deleted] = await Promise.all([
        call(campaignsRoute.POST, {
          method: "POST",
          path: "/api/campaigns",
          token: a.manager.token,
          body: { name: `Race ${round}`, campaign_type: "outbound_sales", settings: { agent_id: agent.id } },
        }),
        del(agent.id),
      ]);
      // Exactly one wins: the campaign names a live agent, or the agent is gone and no campaign names it.
      expect([campaign.status, deleted.status].sort()).toEqual(campaign.status === 201 ? [201, 409] : [200, 400]);
    }
  });

  it("makes a voice an agent speaks with count as in use", async () => {
    const prisma = await db();
    const clone = await prisma.voice.create({
      data: { id: newId("voice"), organizationId: a.org.id, provider: "builtin", providerVoiceId: `clone-${newId("voice")}`, name: "Own", language: "en-US", gender: "female", category: "conversational", status: "ready", engineParams: { voice: "en-us", variant: "f2", rate: 170, pitch: 60 } },
    });
    await create({ ...BASICS, name: "Own voice", voice_id: clone.id });
    const refused = await call(voiceRoute.DELETE, { method: "DELETE", path: `/api/voice/voices/${clone.id}`, params: { voice_id: clone.id }, token: a.manager.token });
    expectError(refused, 409, "RESOURCE_003");
    expect(refused.json.error!.message).toContain('agent "Own voice"');
  });
});

describe("GET /api/agents/engines", () => {
  it("offers the flow engine, and the LLM engine only when one is configured", async () => {
    const reply = await call(enginesRoute.GET, { path: "/api/agents/engines", token: a.agent.token });
    expect(reply.status).toBe(200);
    expect(reply.json.data.engines).toEqual([
      { id: "flow", available: true, model: null, reason: null },
      { id: "llm", available: false, model: null, reason: expect.stringContaining("LLM_API_KEY") },
    ]);
  });
});

describe("test conversations", () => {
  let agentId: string;
  beforeAll(async () => {
    agentId = (
      await create({
        ...BASICS,
        name: "Chatty",
        knowledge: [
          { id: "price", question: "How much does it cost per month?", answer: "It's 29 dollars a month." },
          { id: "trial", question: "Is there a free trial?", answer: "Yes, 14 days free." },
          { id: "cancel", question: "How do I cancel?", answer: "From your billing page, any time." },
        ],
      })
    ).json.data.id;
  });

  it("opens with the disclosure, the recording notice and the first message, with the lead's values", async () => {
    const reply = await start(agentId, { lead: { first_name: "Dana", custom: { plan: "Gold" }, timezone: "America/Chicago" } });
    expect(reply.status).toBe(201);
    const { actions, state } = reply.json.data;
    expect(says(actions)).toEqual([
      "Hi, this is Chatty, an automated AI voice assistant calling on behalf of Acme Insurance.",
      "This call is recorded.",
      "Hi Dana, it's about your Gold plan.",
      "Would you like to hear more?",
    ]);
    expect(actions.at(-1)).toEqual({ type: "listen", hints: [], timeout: 5 });
    expect(state).toMatchObject({ step: "interest", ended: false, disposition: null });
    // Missing values fall back to the stated default.
    expect(says((await start(agentId, { recorded: false })).json.data.actions)).toEqual([
      "Hi, this is Chatty, an automated AI voice assistant calling on behalf of Acme Insurance.",
      "Hi there, it's about your current plan.",
      "Would you like to hear more?",
    ]);
  });

  it("answers a price question from the knowledge, takes a callback time in the lead's zone, and ends", async () => {
    const conversation = (await start(agentId, { lead: { timezone: "America/New_York" } })).json.data.conversation_id;
    const price = await turn(agentId, conversation, { text: "how much is it?" });
    expect(price.status).toBe(200);
    expect(price.json.data.understanding).toMatchObject({ intent: "price_question", knowledge_id: "price" });
    expect(says(price.json.data.actions)[0]).toBe("It's 29 dollars a month.");

    const callback = await turn(agentId, conversation, { text: "call me back tomorrow at 3" });
    expect(callback.json.data.understanding.intent).toBe("callback_request");
    const at = callback.json.data.state.callback_at as string;
    // 3 pm tomorrow on New York's wall clock, whatever today is.
    const local = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", hourCycle: "h23" }).format(new Date(at));
    expect(local).toBe("15");
    expect(Date.parse(at) - Date.now()).toBeGreaterThan(0);
    expect(Date.parse(at) - Date.now()).toBeLessThan(48 * 3600_000);
    expect(callback.json.data.actions.map((x: { type: string }) => x.type)).toEqual(["schedule_callback", "say", "end"]);
    expect(callback.json.data.state).toMatchObject({ ended: true, disposition: "callback" });

    const after = await turn(agentId, conversation, { text: "hello?" });
    expectError(after, 409, "RESOURCE_003");
  });

  it("ends politely with opt_out and do_not_call the moment the caller opts out", async () => {
    const conversation = (await start(agentId)).json.data.conversation_id;
    const reply = await turn(agentId, conversation, { text: "take me off your list" });
    expect(reply.json.data.actions.map((x: { type: string }) => x.type)).toEqual(["say", "opt_out", "end"]);
    expect(reply.json.data.actions.at(-1)).toEqual({ type: "end", disposition: "do_not_call" });
  });

  it("reprompts silence, then ends with no_response", async () => {
    const conversation = (await start(agentId)).json.data.conversation_id;
    for (let i = 0; i < 2; i++) {
      const reply = await turn(agentId, conversation, { silence: true });
      expect(reply.json.data.understanding).toBeNull();
      expect(says(reply.json.data.actions)).toEqual(["Are you still there?", "Would you like to hear more?"]);
    }
    const last = await turn(agentId, conversation, { silence: true });
    expect(last.json.data.state).toMatchObject({ ended: true, disposition: "no_response" });
  });

  it("validates turns, and hides conversations of other agents and organizations", async () => {
    const conversation = (await start(agentId)).json.data.conversation_id;
    expectError(await turn(agentId, conversation, { text: "   " }), 400, "VALIDATION_001");
    expectError(await turn(agentId, conversation, { text: "hi", silence: true }), 400, "VALIDATION_002");
    expectError(await turn(agentId, conversation, {}), 400, "VALIDATION_001");
    expectError(await turn(agentId, conversation, { event: "exploded" }), 400, "VALIDATION_002");
    expectError(await turn(agentId, "conv_nothing", { text: "hi" }), 404, "RESOURCE_001");
    expectError(await turn(agentId, conversation, { text: "hi" }, b.agent.token), 404, "RESOURCE_001");
    const other = (await create({ ...BASICS, name: "Sibling" })).json.data.id;
    expectError(await turn(other, conversation, { text: "hi" }), 404, "RESOURCE_001");
    expectError(await start(agentId, { lead: { timezone: "Mars/Olympus" } }), 400, "VALIDATION_002");
  });

  it("keeps running the definition it started with when the agent is edited mid-conversation", async () => {
    const agent = (await create({ ...BASICS, name: "Edited mid-call" })).json.data;
    const conversation = (await start(agent.id)).json.data.conversation_id;
    await put(agent.id, { flow: { start: "only", steps: [{ id: "only", kind: "end", text: "Bye.", disposition: "not_interested" }] } });
    const reply = await turn(agent.id, conversation, { text: "yes I'm interested" });
    expect(reply.status).toBe(200);
    expect(reply.json.data.state).toMatchObject({ ended: true, disposition: "interested" });
  });
});

describe("the LLM engine through the API (LLM_API_KEY set, a local chat-completions server)", () => {
  it("offers the engine, decides turns with the model, and records tokens and cost per turn and per conversation", async () => {
    const fixture = await startLlmFixture();
    const saved = { key: process.env.LLM_API_KEY, url: process.env.LLM_BASE_URL, model: process.env.LLM_MODEL };
    Object.assign(process.env, { LLM_API_KEY: fixture.apiKey, LLM_BASE_URL: fixture.url, LLM_MODEL: "gpt-fixture" });
    try {
      const engines = await call(enginesRoute.GET, { path: "/api/agents/engines", token: a.agent.token });
      expect(engines.json.data.engines[1]).toEqual({ id: "llm", available: true, model: "gpt-fixture", reason: null });

      const agent = (await create({ ...BASICS, name: "Thinker", engine: "llm", instructions: "Renew plans politely." })).json.data;
      const conversation = (await start(agent.id)).json.data.conversation_id;
      fixture.script({
        toolCalls: [{ name: "say", arguments: { text: "Happy to help with that." } }, { name: "listen", arguments: {} }],
        usage: { prompt_tokens: 2000, completion_tokens: 100 },
      });
      const reply = await turn(agent.id, conversation, { text: "tell me about the plan" });
      expect(reply.status).toBe(200);
      expect(reply.json.data.actions).toEqual([{ type: "say", text: "Happy to help with that." }, { type: "listen", hints: [], timeout: 5 }]);
      expect(reply.json.data.engine).toMatchObject({ engine: "llm", fallback: null, input_tokens: 2000, output_tokens: 100 });
      expect(String(fixture.requests.at(-1)!.messages[0]!.content)).toContain("Renew plans politely.");

      // A failing model: the flow answers and the reason is said.
      fixture.script({ status: 503 });
      const fallback = await turn(agent.id, conversation, { text: "yes please" });
      expect(fallback.json.data.engine).toMatchObject({ engine: "llm", fallback: "error" });
      expect(fallback.json.data.state).toMatchObject({ ended: true, disposition: "interested" });

      const prisma = await db();
      const row = await prisma.agentConversation.findUniqueOrThrow({ where: { id: conversation } });
      // 2,000 × $0.15/M + 100 × $0.60/M, plus the failed turn's nothing.
      expect({ input: row.llmInputTokens, output: row.llmOutputTokens, cost: Number(row.llmCost) }).toEqual({ input: 2000, output: 100, cost: 0.00036 });
      const turns = (row.state as { turns: { speaker: string; engine?: string; fallback?: string | null }[] }).turns.filter((t) => t.speaker === "agent");
      expect(turns.slice(-2).map((t) => [t.engine, t.fallback ?? null])).toEqual([["llm", null], ["flow", "error"]]);
    } finally {
      for (const [name, value] of [["LLM_API_KEY", saved.key], ["LLM_BASE_URL", saved.url], ["LLM_MODEL", saved.model]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await fixture.close();
    }
  });
});
