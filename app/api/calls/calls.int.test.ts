// Calls end to end through the built-in carrier simulator, in-process: POST /api/calls dials, the
// simulator drives the call over "HTTP" — its fetch reaches the app's own route handlers (telephony
// callbacks, signed object links), every request signed and checked as Twilio's would be — and
// GET /api/calls/{id} shows what happened. The clock is set to noon in New York.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import twilio from "twilio";
import * as callsRoute from "@/app/api/calls/route";
import * as callRoute from "@/app/api/calls/[call_id]/route";
import * as activeRoute from "@/app/api/calls/active/route";
import * as hangupRoute from "@/app/api/calls/[call_id]/hangup/route";
import * as agentsRoute from "@/app/api/agents/route";
import * as agentRoute from "@/app/api/agents/[agent_id]/route";
import * as turnsRoute from "@/app/api/agents/[agent_id]/conversations/[conversation_id]/turns/route";
import * as voiceHook from "@/app/api/telephony/twilio/voice/route";
import * as gatherHook from "@/app/api/telephony/twilio/gather/route";
import * as statusHook from "@/app/api/telephony/twilio/status/route";
import * as amdHook from "@/app/api/telephony/twilio/amd/route";
import * as voicemailHook from "@/app/api/telephony/twilio/voicemail/route";
import * as objectRoute from "@/app/api/storage/objects/[...key]/route";
import { BASE_URL, call, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { CarrierSimulator } from "@/lib/telephony/simulator/simulator";
import { setTelephony } from "@/lib/telephony/telephony";
import { twilioAuthToken } from "@/lib/telephony/credentials";
import { lineFor } from "@/lib/calls/spoken-lines";
import { setClock } from "@/lib/calls/clock";

type Org = Awaited<ReturnType<typeof createOrg>>;
let a: Org;
let b: Org;
let agentId: string;

const HOOKS: Record<string, { POST: (request: Request, context: never) => Promise<Response> }> = {
  voice: voiceHook as never,
  gather: gatherHook as never,
  status: statusHook as never,
  amd: amdHook as never,
  voicemail: voicemailHook as never,
};

/** The simulator's network: requests to the app's public URL go to its route handlers in this process. */
const inProcessFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const hook = /^\/api\/telephony\/twilio\/(\w+)$/.exec(url.pathname)?.[1];
  if (hook && HOOKS[hook]) return HOOKS[hook].POST(request, { params: Promise.resolve({}) } as never);
  if (url.pathname.startsWith("/api/storage/objects/")) {
    const key = decodeURIComponent(url.pathname.slice("/api/storage/objects/".length)).split("/");
    return objectRoute.GET(request, { params: Promise.resolve({ key }) } as never);
  }
  return new Response("not found", { status: 404 });
};

const simulator = new CarrierSimulator({ authToken: twilioAuthToken(), speed: 300, hear: async (url) => lineFor(url), fetch: inProcessFetch });

const place = (body: unknown, token = a.manager.token) => call(callsRoute.POST, { method: "POST", path: "/api/calls", token, body });
const get = (id: string, token = a.agent.token) => call(callRoute.GET, { path: `/api/calls/${id}`, params: { call_id: id }, token });

async function placeAndFinish(phone: string) {
  const reply = await place({ phone_number: phone, agent_id: agentId });
  expect(reply.status).toBe(201);
  await simulator.settled(reply.json.data.twilio_call_sid);
  return (await get(reply.json.data.call_id)).json.data;
}

beforeAll(async () => {
  setClock(new Date("2026-12-01T17:00:00Z"));
  setTelephony(simulator);
  a = await createOrg({ name: "Acme Renewals" });
  b = await createOrg();
  agentId = (
    await call(agentsRoute.POST, {
      method: "POST",
      path: "/api/agents",
      token: a.manager.token,
      body: { name: "Ava", voice_id: "voice_ava", first_message: "Hi {{lead.first_name}}, it's about your plan.", voicemail_message: "Hi, this is Ava from {{organization.name}}. Please call us back." },
    })
  ).json.data.id;
});
afterAll(() => {
  setClock(null);
  setTelephony(undefined);
});

describe("POST /api/calls through the carrier simulator", () => {
  it("an interested person: answered, the agent discloses first, they say yes, the call completes as interested", async () => {
    const reply = await place({ phone_number: "(201) 555-0100", agent_id: agentId, settings: { recording: true, transcription: true, max_duration: 600 } });
    expect(reply.status).toBe(201);
    expect(reply.json.data).toMatchObject({ status: "initiated", twilio_call_sid: expect.stringMatching(/^CA[0-9a-f]{32}$/) });
    await simulator.settled(reply.json.data.twilio_call_sid);
    const done = (await get(reply.json.data.call_id)).json.data;
    expect(done).toMatchObject({ status: "completed", ended_reason: "agent_ended", disposition: "interested", phone_number: "+12015550100", agent_id: agentId, answered_by: "human" });
    expect(done.transcript[0]).toMatchObject({ speaker: "agent", text: expect.stringContaining("automated AI voice assistant") });
    expect(done.transcript.some((s: { speaker: string }) => s.speaker === "lead")).toBe(true);
    expect(done.timeline.map((e: { status: string }) => e.status)).toEqual(expect.arrayContaining(["initiated", "ringing", "in_progress", "completed"]));
    expect(done.duration).toBeGreaterThan(5);
    expect(done.cost_breakdown.telephony.minutes).toBe(Math.ceil(done.duration / 60));
    const prisma = await db();
    const events = await prisma.event.findMany({ where: { organizationId: a.org.id, payload: { path: ["call_id"], equals: done.call_id } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["call.initiated", "call.answered", "call.completed"]);
  });

  it("an opt-out ends the call as do_not_call and puts the number on the list at once, for good", async () => {
    const done = await placeAndFinish("+12015550104");
    expect(done).toMatchObject({ status: "completed", disposition: "do_not_call" });
    const prisma = await db();
    expect(await prisma.dncEntry.findFirst({ where: { organizationId: a.org.id, phone: "+12015550104" } })).toMatchObject({ source: "opt_out", expiresAt: null });
    // …and the number can no longer be called.
    const again = await place({ phone_number: "+12015550104", agent_id: agentId });
    expectError(again, 409, "RESOURCE_003");
    expect(again.json.error!.details.reason).toBe("do_not_call");
  });

  it("busy and voicemail end as the spec shows them", async () => {
    expect(await placeAndFinish("+12015550106")).toMatchObject({ status: "failed", ended_reason: "busy", duration: 0 });
    const voicemail = await placeAndFinish("+12015550105");
    expect(voicemail).toMatchObject({ status: "completed", ended_reason: "voicemail", disposition: "voicemail", answered_by: "machine_end_beep" });
  });

  it("refuses outside 08:00–21:00 in the called party's zone, and says when it may call", async () => {
    setClock(new Date("2026-12-01T08:00:00Z")); // 03:00 in New York
    try {
      const refused = await place({ phone_number: "+12015550100", agent_id: agentId });
      expectError(refused, 409, "RESOURCE_003");
      expect(refused.json.error!.details).toMatchObject({ reason: "outside_calling_window", time_zone: "America/New_York", next_allowed_at: "2026-12-01T13:00:00.000Z" });
    } finally {
      setClock(new Date("2026-12-01T17:00:00Z"));
    }
  });

  it("refuses a second call to a number already on one", async () => {
    const prisma = await db();
    await prisma.call.create({ data: { id: newId("call"), organizationId: a.org.id, phone: "+12015550101", status: "ringing" } });
    const refused = await place({ phone_number: "+12015550101", agent_id: agentId });
    expectError(refused, 409, "RESOURCE_003");
    expect(refused.json.error!.details.reason).toBe("call_in_progress");
  });

  it("validates, checks permissions and hides other organizations' agents and calls", async () => {
    expectError(await place({ phone_number: "not a number", agent_id: agentId }), 400, "VALIDATION_002");
    expectError(await place({ phone_number: "+12015550100" }), 400, "VALIDATION_001");
    expectError(await place({ phone_number: "+12015550100", agent_id: agentId }, b.manager.token), 400, "VALIDATION_003");
    expectError(await place({ phone_number: "+12015550100", agent_id: agentId }, a.agent.token), 403, "AUTH_003");
    const done = await placeAndFinish("+12015550101".replace("0101", "0109")); // wrong person
    expectError(await get(done.call_id, b.agent.token), 404, "RESOURCE_001");
  });
});

describe("active calls, hang-up and updates", () => {
  const active = (token = a.agent.token) => call(activeRoute.GET, { path: "/api/calls/active", token });
  const hangup = (id: string, token = a.agent.token) => call(hangupRoute.POST, { method: "POST", path: `/api/calls/${id}/hangup`, params: { call_id: id }, token });
  const put = (id: string, body: unknown, token = a.agent.token) => call(callRoute.PUT, { method: "PUT", path: `/api/calls/${id}`, params: { call_id: id }, token, body });

  it("lists a call in flight, hangs it up mid-call, and then refuses to hang it up again", async () => {
    const placed = (await place({ phone_number: "+12015550110", agent_id: agentId })).json.data; // silent: stays on the line
    let listed = (await active()).json.data;
    for (let i = 0; i < 200 && !listed.active_calls.some((c: { call_id: string; status: string }) => c.call_id === placed.call_id && c.status === "in_progress"); i++) {
      await new Promise((r) => setTimeout(r, 10));
      listed = (await active()).json.data;
    }
    expect(listed.active_calls.find((c: { call_id: string }) => c.call_id === placed.call_id)).toMatchObject({ status: "in_progress", phone_number: "+12015550110", agent_id: agentId });
    expect(listed.summary.total_active).toBeGreaterThanOrEqual(1);
    // The agent on the line cannot be deleted, and its conversation is not a sandbox anyone can type into.
    expectError(await call(agentRoute.DELETE, { method: "DELETE", path: `/api/agents/${agentId}`, params: { agent_id: agentId }, token: a.manager.token }), 409, "RESOURCE_003");
    const prisma = await db();
    const conversationId = (await prisma.call.findUniqueOrThrow({ where: { id: placed.call_id } })).conversationId!;
    const typed = await call(turnsRoute.POST, {
      method: "POST",
      path: `/api/agents/${agentId}/conversations/${conversationId}/turns`,
      params: { agent_id: agentId, conversation_id: conversationId },
      token: a.manager.token,
      body: { text: "yes" },
    });
    expectError(typed, 404, "RESOURCE_001");
    expect((await active(b.agent.token)).json.data.active_calls).toEqual([]);

    expectError(await hangup(placed.call_id, b.agent.token), 404, "RESOURCE_001");
    expect((await hangup(placed.call_id)).status).toBe(200);
    await simulator.settled(placed.twilio_call_sid);
    const ended = (await get(placed.call_id)).json.data;
    expect(ended).toMatchObject({ status: "completed", ended_reason: "agent_ended" });
    expect(ended.timeline.some((e: { detail: { hang_up_by?: string } }) => e.detail.hang_up_by === a.agent.id)).toBe(true);
    expectError(await hangup(placed.call_id), 409, "RESOURCE_003");
  });

  it("records a disposition, satisfaction and notes; refuses status on an ended call and nonsense", async () => {
    const done = await placeAndFinish("+12015550111");
    const reply = await put(done.call_id, { disposition: "callback", customer_satisfaction: 4.5, agent_notes: "Wants a call next week" });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ disposition: "callback", customer_satisfaction: 4.5, agent_notes: "Wants a call next week" });
    const refused = await put(done.call_id, { status: "completed", agent_notes: "not saved" });
    expectError(refused, 409, "RESOURCE_003");
    expect((await get(done.call_id)).json.data.agent_notes).toBe("Wants a call next week");
    expectError(await put(done.call_id, { customer_satisfaction: 9 }), 400, "VALIDATION_003");
    expectError(await put(done.call_id, { status: "ringing" }), 400, "VALIDATION_002");
    expectError(await put(done.call_id, {}), 400, "VALIDATION_002");
    expectError(await put(done.call_id, { agent_notes: "x" }, b.manager.token), 404, "RESOURCE_001");
  });
});

describe("provider callbacks", () => {
  function signed(path: string, params: Record<string, string>, token = twilioAuthToken()) {
    const url = `${BASE_URL}${path}`;
    return new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilio.getExpectedTwilioSignature(token, url, params) },
      body: new URLSearchParams(params).toString(),
    });
  }

  it("a completed callback sent again, or an older one arriving late, changes nothing; a forged one is refused", async () => {
    const done = await placeAndFinish("+12015550109");
    const prisma = await db();
    const before = await prisma.callEvent.count({ where: { callId: done.call_id } });
    const path = `/api/telephony/twilio/status?call=${done.call_id}`;
    const sid = done.twilio_call_sid as string;
    const replays: Record<string, string>[] = [
      { CallSid: sid, CallStatus: "completed", SequenceNumber: "3", CallDuration: "999" },
      { CallSid: sid, CallStatus: "ringing", SequenceNumber: "1" },
    ];
    for (const params of replays) {
      expect((await statusHook.POST(signed(path, params), { params: Promise.resolve({}) } as never)).status).toBe(200);
    }
    expect(await prisma.callEvent.count({ where: { callId: done.call_id } })).toBe(before);
    expect((await get(done.call_id)).json.data).toMatchObject({ status: done.status, duration: done.duration });
    const forged = await statusHook.POST(signed(path, { CallSid: sid, CallStatus: "in-progress", SequenceNumber: "9" }, "not-the-token"), { params: Promise.resolve({}) } as never);
    expect(forged.status).toBe(403);
  });
});
