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
import * as recordingHook from "@/app/api/telephony/twilio/recording/route";
import * as transferHook from "@/app/api/telephony/twilio/transfer/route";
import * as whisperHook from "@/app/api/telephony/twilio/whisper/route";
import * as dialHook from "@/app/api/telephony/twilio/dial/route";
import * as transferRoute from "@/app/api/calls/[call_id]/transfer/route";
import * as browserRoute from "@/app/api/calls/browser/route";
import * as legRoute from "@/app/api/calls/[call_id]/leg/route";
import * as objectRoute from "@/app/api/storage/objects/[...key]/route";
import { BASE_URL, call, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { CarrierSimulator } from "@/lib/telephony/simulator/simulator";
import { setTelephony, simulatorOptions } from "@/lib/telephony/telephony";
import { twilioAuthToken } from "@/lib/telephony/credentials";
import { setClock } from "@/lib/calls/clock";
import { synthesizeWithEspeak } from "@/lib/voice/builtin/espeak";
import { reconcileCalls, recoverRecordings } from "@/lib/calls/reconcile-calls";
import { runAllDueWork } from "@/lib/testing/jobs";
import { parseWav, pcmDuration } from "@/lib/voice/wav";
import { TwilioProvider } from "@/lib/telephony/twilio-provider";
import type { CreateCallParams } from "@/lib/telephony/provider";
import { startTwilioFixture } from "@/lib/testing/twilio-fixture";

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
  recording: recordingHook as never,
  transfer: transferHook as never,
  whisper: whisperHook as never,
  dial: dialHook as never,
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

// The product's simulator (it hears the app's lines, speaks the callee, keeps recordings in storage) on this process's "network".
const simulator = new CarrierSimulator({ ...simulatorOptions(), speed: 300, fetch: inProcessFetch });

const place = (body: unknown, token = a.manager.token) => call(callsRoute.POST, { method: "POST", path: "/api/calls", token, body });
const get = (id: string, token = a.agent.token) => call(callRoute.GET, { path: `/api/calls/${id}`, params: { call_id: id }, token });

async function placeAndFinish(phone: string) {
  const reply = await place({ phone_number: phone, agent_id: agentId });
  expect(reply.status).toBe(201);
  await simulator.settled(reply.json.data.twilio_call_sid);
  // The recording copy and the analysis it queued run now, so nothing changes the call behind the test's back.
  await runAllDueWork({ maintenance: false });
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
      // The longest limit an agent may have: at 300× speed an hour is 12 s of a busy test machine.
      body: { name: "Ava", voice_id: "voice_ava", first_message: "Hi {{lead.first_name}}, it's about your plan.", voicemail_message: "Hi, this is Ava from {{organization.name}}. Please call us back.", max_duration_seconds: 3600 },
    })
  ).json.data.id;
  await synthesizeWithEspeak("Ready.", { voice: "en-us", variant: "f3", rate: 165, pitch: 58, range: "medium" });
});
afterAll(() => {
  setClock(null);
  setTelephony(undefined);
});

describe("POST /api/calls through the carrier simulator", () => {
  // At 300× speed every second of the app's work is five minutes of call time: the speech engine is
  // started before the first call (beforeAll), so compiling it is not on the call's clock.
  it("an interested person: answered, the agent discloses first, they say yes, the call completes as interested", async () => {
    const reply = await place({ phone_number: "(201) 555-0100", agent_id: agentId, settings: { recording: true, transcription: true, max_duration: 14_400 } });
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
    expect(events.map((e) => e.type)).toEqual(["call.initiated", "call.answered", "call.completed", "transcription.complete"]);

    // The recording arrived on its callback; the job copies it into storage, and the analysis job scores the call.
    await runAllDueWork({ maintenance: false });
    const analysed = (await get(reply.json.data.call_id)).json.data;
    expect(analysed.recording_url).toMatch(/\/api\/storage\/objects\/recordings\//);
    expect(analysed.recording_seconds).toBe(done.duration);
    const audio = await inProcessFetch(analysed.recording_url);
    expect(audio.status).toBe(200);
    const wav = parseWav(new Uint8Array(await audio.arrayBuffer()))!;
    expect(wav).toMatchObject({ channels: 2, sampleRate: 8000, bitsPerSample: 16 });
    expect(Math.abs(pcmDuration(wav) - done.duration)).toBeLessThan(1);
    // The agent's channel carries sound where the transcript says the agent spoke (the disclosure), and
    // the transcript's times are the call's: they match what the callee heard within a second or two
    // (at 300× speed, each millisecond of the app's work is 0.3 s of call time: within 150 ms of work).
    const first = done.transcript[0];
    const heard = simulator.transcript(done.twilio_call_sid)[0]!;
    expect(Math.abs(first.start - heard.start) / 300).toBeLessThan(0.15);
    const left = (from: number, to: number) => {
      let energy = 0;
      for (let i = Math.floor(from * 8000); i < Math.floor(to * 8000); i++) energy += Math.abs(new DataView(wav.data.buffer, wav.data.byteOffset).getInt16(i * 4, true));
      return energy / Math.max(1, (to - from) * 8000);
    };
    expect(left(heard.start, heard.end)).toBeGreaterThan(100);
    expect(analysed.analysis).toMatchObject({ sentiment: expect.stringMatching(/^(positive|neutral|negative)$/), conversion: false, quality_score: expect.any(Number) });
    expect(analysed.analysis.quality_score).toBeGreaterThanOrEqual(1);
    expect(analysed.analysis.quality_score).toBeLessThanOrEqual(5);
    expect(analysed.analysis.details.quality_components).toMatchObject({ completion: 1 });
    const after = await prisma.event.findMany({ where: { organizationId: a.org.id, type: "recording.ready", payload: { path: ["call_id"], equals: done.call_id } } });
    expect(after).toHaveLength(1);
    // The simulator's own copy is gone once the app has its own.
    expect(analysed.timeline.some((e: { status: string }) => e.status === "recording")).toBe(true);
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

describe("every simulator persona, end to end", () => {
  // What each test number's persona does (docs/calls.md), and how the call must end for it.
  const EXPECTED: [string, string, string, string | null][] = [
    ["00", "completed", "agent_ended", "interested"],
    ["01", "completed", "agent_ended", "not_interested"],
    ["02", "completed", "agent_ended", "interested"],
    ["03", "completed", "agent_ended", "callback"],
    ["04", "completed", "agent_ended", "do_not_call"],
    ["05", "completed", "voicemail", "voicemail"],
    ["06", "failed", "busy", null],
    ["07", "failed", "no_answer", "no_response"],
    ["08", "failed", "carrier_failed", null],
    ["09", "completed", "agent_ended", "wrong_number"],
    ["10", "completed", "agent_ended", "no_response"],
    ["11", "completed", "hung_up_by_lead", null],
    ["12", "completed", "agent_ended", "not_interested"],
    ["13", "completed", "agent_ended", "interested"],
    ["14", "completed", "agent_ended", "not_interested"],
  ];
  it.each(EXPECTED)("555-01%s ends %s (%s, %s), with its transcript, recording and events", async (nn, status, endedReason, disposition) => {
    const done = await placeAndFinish(`+1302555${"01" + nn}`);
    expect({ status: done.status, ended_reason: done.ended_reason, disposition: done.disposition }).toEqual({ status, ended_reason: endedReason, disposition });
    const answered = done.answered_at !== null;
    expect(done.transcript.length > 0).toBe(answered);
    expect(done.recording_url !== null).toBe(answered);
    const prisma = await db();
    const events = (await prisma.event.findMany({ where: { organizationId: a.org.id, payload: { path: ["call_id"], equals: done.call_id } } })).map((e) => e.type).sort();
    expect(events).toEqual(
      (answered ? ["call.answered", "call.completed", "call.initiated", "recording.ready", "transcription.complete"] : ["call.failed", "call.initiated"]).sort(),
    );
  });
});

describe("GET /api/calls", () => {
  const list = (query: Record<string, string> = {}, token = a.agent.token) => call(callsRoute.GET, { path: "/api/calls", query, token });

  it("lists newest first with names, filters, walks by cursor, and shows no other organization's calls", async () => {
    const all = (await list({ limit: "100" })).json;
    expect(all.data.length).toBeGreaterThan(3);
    const started = all.data.map((c: { started_at: string }) => c.started_at);
    expect([...started].sort().reverse()).toEqual(started);
    expect(all.pagination).toMatchObject({ total: all.data.length, total_capped: false, next_cursor: null });
    expect(all.data.find((c: { agent_id: string | null }) => c.agent_id === agentId)).toMatchObject({ agent_name: "Ava" });

    const failed = (await list({ status: "failed" })).json.data;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((c: { status: string }) => c.status === "failed")).toBe(true);
    expect(failed.some((c: { ended_reason: string }) => c.ended_reason === "busy")).toBe(true);
    const interested = (await list({ disposition: "interested" })).json.data;
    expect(interested.length).toBeGreaterThan(0);
    expect(interested.every((c: { disposition: string }) => c.disposition === "interested")).toBe(true);
    expect((await list({ agent_id: agentId })).json.pagination!.total).toBe(all.data.filter((c: { agent_id: string | null }) => c.agent_id === agentId).length);
    expect((await list({ date_from: "2026-12-02" })).json.data).toEqual([]); // the clock says Dec 1 (New York)
    expect((await list({ date_to: "2026-12-01" })).json.pagination!.total).toBe(all.data.length);

    // A walk by cursor meets every call once, in the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { call_id: string }[]; pagination: { next_cursor: string | null } } = (await list(cursor ? { limit: "2", cursor } : { limit: "2" })).json as never;
      seen.push(...page.data.map((c) => c.call_id));
      cursor = page.pagination.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((c: { call_id: string }) => c.call_id));

    expect((await list({}, b.agent.token)).json.data).toEqual([]);
    expect((await list({ agent_id: agentId }, b.agent.token)).json.data).toEqual([]);
    expectError(await list({ status: "busy" }), 400, "VALIDATION_002");
    expectError(await list({ limit: "1000" }), 400, "VALIDATION_003");
    expectError(await list({ cursor: "!!" }), 400, "VALIDATION_002");
    expectError(await list({ date_from: "2026-12-03", date_to: "2026-12-01" }), 400, "VALIDATION_003");
    expectError(await call(callsRoute.GET, { path: "/api/calls" }), 401, "AUTH_001");
  });
});

describe("the reconciler", () => {
  it("fails calls the provider went silent about as carrier_lost, and leaves calls still in time alone", async () => {
    const prisma = await db();
    const at = new Date("2026-12-01T17:00:00Z");
    const row = (id: string, minutesAgo: number, sid: string | null, status: "initiated" | "in_progress") =>
      prisma.call.create({
        data: { id, organizationId: a.org.id, agentId, phone: `+1201555${id.slice(-4)}`, status, twilioCallSid: sid, settings: { max_duration: 300 }, startedAt: new Date(at.getTime() - minutesAgo * 60_000), answeredAt: status === "in_progress" ? new Date(at.getTime() - minutesAgo * 60_000) : null },
      });
    await row(newId("call").slice(0, -4) + "7001", 30, `CA${"1".repeat(32)}`, "in_progress"); // unknown to the simulator (as after a restart)
    await row(newId("call").slice(0, -4) + "7002", 10, null, "initiated"); // the dial never reached the provider
    const fresh = await row(newId("call").slice(0, -4) + "7003", 3, `CA${"2".repeat(32)}`, "in_progress"); // within its 5-minute limit
    const result = await reconcileCalls(at);
    expect(result).toMatchObject({ lost: 2 });
    const lost = await prisma.call.findMany({ where: { organizationId: a.org.id, endedReason: "carrier_lost" } });
    expect(lost).toHaveLength(2);
    expect(lost.every((c) => c.status === "failed" && c.endedAt !== null)).toBe(true);
    const lostIds = lost.map((c) => c.id);
    expect(await prisma.event.count({ where: { type: "call.failed", payload: { path: ["ended_reason"], equals: "carrier_lost" } } })).toBeGreaterThanOrEqual(2);
    expect((await prisma.call.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("in_progress");
    // Run again: nothing more to do.
    expect((await reconcileCalls(at)).lost).toBe(0);
    await prisma.call.deleteMany({ where: { id: { in: [...lostIds, fresh.id] } } });
  });

  it("finds a recording whose callback was lost, and copies it", async () => {
    // A network that loses the recording callback (Twilio does not retry it).
    const lossy: typeof fetch = async (input, init) => (new Request(input, init).url.includes("/twilio/recording") ? new Response("lost", { status: 503 }) : inProcessFetch(input, init));
    const sim = new CarrierSimulator({ ...simulatorOptions(), speed: 300, fetch: lossy });
    setTelephony(sim);
    try {
      const placed = (await place({ phone_number: "+12015550102", agent_id: agentId })).json.data;
      await sim.settled(placed.twilio_call_sid);
      await runAllDueWork({ maintenance: false });
      expect((await get(placed.call_id)).json.data.recording_url).toBeNull();
      const prisma = await db();
      const { endedAt } = await prisma.call.findUniqueOrThrow({ where: { id: placed.call_id } });
      // Too early: the callback may still come.
      expect((await recoverRecordings(new Date(endedAt!.getTime() + 60_000))).recovered).toBe(0);
      expect((await recoverRecordings(new Date(endedAt!.getTime() + 11 * 60_000))).recovered).toBe(1);
      await runAllDueWork({ maintenance: false });
      const copied = (await get(placed.call_id)).json.data;
      expect(copied.recording_url).toMatch(/\/recordings\//);
      expect(copied.recording_seconds).toBe(copied.duration);
      // Asked once: a call with its recording (or known to have none) is not asked about again.
      expect(await recoverRecordings(new Date(endedAt!.getTime() + 12 * 60_000))).toEqual({ recovered: 0, absent: 0 });
    } finally {
      setTelephony(simulator);
    }
  });

  it("with Twilio: applies the final state Twilio reports, and hangs up a call Twilio still holds past its limit", async () => {
    const fixture = await startTwilioFixture();
    const twilioProvider = new TwilioProvider({ accountSid: fixture.accountSid, authToken: fixture.authToken, fromNumber: "+15550001111", apiBaseUrl: fixture.url });
    setTelephony(twilioProvider);
    try {
      const prisma = await db();
      const at = new Date("2026-12-01T17:00:00Z");
      const params: Omit<CreateCallParams, "to"> = { from: "+15550001111", url: "https://x/voice", statusCallback: "https://x/status", statusCallbackEvents: [], machineDetection: false, record: false, timeout: 30, timeLimit: 300 };
      const finished = await twilioProvider.createCall({ ...params, to: "+12015557101" });
      const held = await twilioProvider.createCall({ ...params, to: "+12015557102" });
      Object.assign(fixture.calls.get(finished.sid)!, { status: "completed", duration: "42" });
      fixture.calls.get(held.sid)!.status = "in-progress";
      const row = (phone: string, sid: string) =>
        prisma.call.create({
          data: { id: newId("call"), organizationId: a.org.id, agentId, phone, status: "in_progress", twilioCallSid: sid, provider: "twilio", settings: { max_duration: 300 }, startedAt: new Date(at.getTime() - 15 * 60_000), answeredAt: new Date(at.getTime() - 15 * 60_000) },
        });
      const settled = await row("+12015557101", finished.sid);
      const stuck = await row("+12015557102", held.sid);
      const result = await reconcileCalls(at);
      expect(result).toMatchObject({ settled: 1, hungUp: 1, lost: 0 });
      expect(await prisma.call.findUniqueOrThrow({ where: { id: settled.id } })).toMatchObject({ status: "completed", durationSeconds: 42, endedReason: "hung_up_by_lead" });
      expect(fixture.requests.some((r) => r.method === "POST" && r.path.endsWith(`/Calls/${held.sid}.json`) && r.form.Status?.[0] === "completed")).toBe(true);
      await prisma.call.deleteMany({ where: { id: { in: [settled.id, stuck.id] } } });
    } finally {
      setTelephony(simulator);
      await fixture.close();
    }
  });
});

describe("calls to a browser tab, transfers and taking over", () => {
  type LegReply = { events: { type: string; text?: string | null; speaker?: string }[]; next: number; ended: boolean };
  const leg = async (id: string, after = 0, token = a.manager.token): Promise<LegReply> =>
    (await call(legRoute.GET, { path: `/api/calls/${id}/leg`, params: { call_id: id }, query: { after: String(after) }, token })).json.data;
  const say = (id: string, body: unknown, token = a.manager.token) => call(legRoute.POST, { method: "POST", path: `/api/calls/${id}/leg`, params: { call_id: id }, token, body });
  /** Reads the leg until an event of `type` arrives; returns every event so far. */
  async function until(id: string, type: string, token = a.manager.token) {
    const events: LegReply["events"] = [];
    for (let i = 0; i < 50; i++) {
      const reply = await leg(id, events.length, token);
      events.push(...reply.events);
      if (events.some((e) => e.type === type) || reply.ended) break;
    }
    return events;
  }

  it("calls me in the browser: I hear the agent, answer by typing, and hang up", async () => {
    const placed = await call(browserRoute.POST, { method: "POST", path: "/api/calls/browser", token: a.manager.token, body: { agent_id: agentId } });
    expect(placed.status).toBe(201);
    const id = placed.json.data.call_id;
    const heard = await until(id, "listen");
    expect(heard.map((e) => e.type)).toEqual(expect.arrayContaining(["ringing", "answered", "play", "listen"]));
    expect(heard.find((e) => e.type === "play")?.text).toContain("automated AI voice assistant");
    // Only my own leg: another user, or another organization, is told there is none.
    expectError(await call(legRoute.GET, { path: `/api/calls/${id}/leg`, params: { call_id: id }, token: a.agent.token }), 404, "RESOURCE_001");
    expectError(await say(id, { text: "hi" }, b.manager.token), 404, "RESOURCE_001");
    expectError(await say(id, { text: "" }), 400, "VALIDATION_003");
    expect((await say(id, { text: "Yes, I'm interested" })).status).toBe(200);
    await until(id, "listen");
    expect((await say(id, { hangup: true })).status).toBe(200);
    await simulator.settled(placed.json.data.twilio_call_sid);
    const done = (await get(id)).json.data;
    expect(done.status).toBe("completed");
    expect(done.transcript.some((s: { speaker: string; text: string }) => s.speaker === "lead" && s.text === "Yes, I'm interested")).toBe(true);
    expectError(await say(id, { text: "hello?" }), 409, "RESOURCE_003");
    // The agents role may not place calls.
    expectError(await call(browserRoute.POST, { method: "POST", path: "/api/calls/browser", token: a.agent.token, body: { agent_id: agentId } }), 403, "AUTH_003");
  });

  it("transfers a call in progress to a phone number: the whisper plays, the person talks, the call ends as transferred", async () => {
    const placed = (await call(browserRoute.POST, { method: "POST", path: "/api/calls/browser", token: a.manager.token, body: { agent_id: agentId } })).json.data;
    await until(placed.call_id, "listen");
    const transfer = (to: string, token = a.manager.token) => call(transferRoute.POST, { method: "POST", path: `/api/calls/${placed.call_id}/transfer`, params: { call_id: placed.call_id }, token, body: { to } });
    expectError(await transfer("+12015550100", b.manager.token), 404, "RESOURCE_001");
    expectError(await transfer("not a number"), 400, "VALIDATION_002");
    // A colleague with no tab waiting for calls cannot be handed one.
    expectError(await transfer(a.agent.id), 409, "RESOURCE_003");
    const reply = await transfer("+12015550100");
    expect(reply.status).toBe(200);
    expect(reply.json.data.transfer).toMatchObject({ to: "+12015550100", status: "ringing", whisper: expect.stringContaining("Transferring") });
    expectError(await transfer("+12015550101"), 409, "RESOURCE_003"); // already being transferred
    await simulator.settled(placed.twilio_call_sid);
    const done = (await get(placed.call_id)).json.data;
    expect(done).toMatchObject({ status: "completed", ended_reason: "transferred", disposition: "transferred" });
    expect(done.timeline.some((e: { detail: { dial_status?: string } }) => e.detail.dial_status === "completed")).toBe(true);
    expectError(await transfer("+12015550100"), 409, "RESOURCE_003"); // over
  });

  it("takes a call over: my tab hears the whisper, talks with the lead, and the call ends as transferred", async () => {
    const slow = new CarrierSimulator({ ...simulatorOptions(), speed: 20, fetch: inProcessFetch });
    setTelephony(slow);
    try {
      const placed = (await place({ phone_number: "+12015550110", agent_id: agentId })).json.data; // silent persona: stays on the line
      const prisma = await db();
      for (let i = 0; i < 300 && (await prisma.call.findUniqueOrThrow({ where: { id: placed.call_id } })).status !== "in_progress"; i++) await new Promise((r) => setTimeout(r, 20));
      const reply = await call(transferRoute.POST, { method: "POST", path: `/api/calls/${placed.call_id}/transfer`, params: { call_id: placed.call_id }, token: a.agent.token, body: { to: a.agent.id } });
      expect(reply.status).toBe(200);
      expect(reply.json.data.transfer.to).toMatch(new RegExp(`^client:agent_${a.agent.id}_[0-9a-f]{8}$`));
      const events = await until(placed.call_id, "connected", a.agent.token);
      expect(events.find((e) => e.type === "play")).toMatchObject({ speaker: "whisper", text: expect.stringContaining("Transferring") });
      expect((await say(placed.call_id, { text: "Hi, this is Sam from the team. How can I help?" }, a.agent.token)).status).toBe(200);
      expect((await say(placed.call_id, { hangup: true }, a.agent.token)).status).toBe(200);
      await slow.settled(placed.twilio_call_sid);
      const done = (await get(placed.call_id)).json.data;
      expect(done).toMatchObject({ status: "completed", ended_reason: "transferred" });
      expect(slow.transcript(placed.twilio_call_sid).some((s) => s.text.startsWith("Hi, this is Sam"))).toBe(true);
    } finally {
      setTelephony(simulator);
    }
  });
});
