// The carrier simulator against a small app of its own (node:http) that checks every request's
// X-Twilio-Signature with the twilio library and answers with TwiML: personas end as they should,
// status callbacks are ordered by SequenceNumber, speech reaches the Gather action, AMD reports, the
// app can hang up mid-call, and TwiML Twilio would refuse fails the call with Twilio's error code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { CarrierSimulator } from "@/lib/telephony/simulator/simulator";
import type { CreateCallParams } from "@/lib/telephony/provider";

const TOKEN = "test-auth-token";
type Hit = { path: string; params: Record<string, string>; signed: boolean };
let server: Server;
let base = "";
const hits: Hit[] = [];
/** TwiML the app answers the voice URL with (per test). */
let voiceTwiml = "";

function gather(say: string, timeout = 3) {
  return `<Response><Gather input="speech" action="/gather" actionOnEmptyResult="true" timeout="${timeout}" speechTimeout="auto"><Say>${say}</Say></Gather></Response>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      const url = `${base}${req.url}`;
      const signed = twilio.validateRequest(TOKEN, String(req.headers["x-twilio-signature"] ?? ""), url, params);
      const path = req.url!.split("?")[0]!;
      hits.push({ path, params, signed });
      res.setHeader("content-type", "text/xml");
      if (path === "/voice") return res.end(voiceTwiml);
      if (path === "/gather") {
        const heard = params.SpeechResult;
        if (heard) return res.end(`<Response><Say>You said ${heard.replace(/[<&]/g, "")}. Goodbye.</Say><Hangup/></Response>`);
        const silences = hits.filter((h) => h.path === "/gather" && h.params.CallSid === params.CallSid && !h.params.SpeechResult).length;
        return res.end(silences >= 2 ? "<Response><Hangup/></Response>" : gather("Are you still there?"));
      }
      if (path === "/elsewhere") return res.end("<Response><Say>Moved on.</Say><Hangup/></Response>");
      res.end("<Response/>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const simulator = new CarrierSimulator({ authToken: TOKEN, speed: 400 });

function params(to: string, extra: Partial<CreateCallParams> = {}): CreateCallParams {
  return {
    to,
    from: "+15550001111",
    url: `${base}/voice`,
    statusCallback: `${base}/status`,
    statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
    machineDetection: true,
    amdStatusCallback: `${base}/amd`,
    record: false,
    timeout: 30,
    timeLimit: 600,
    ...extra,
  };
}

/** Resolves once the call is answered and playing its first TwiML (the app has served /voice). */
async function answered(sid: string) {
  while (!hits.some((h) => h.params.CallSid === sid && h.path === "/voice")) await new Promise((r) => setTimeout(r, 2));
}

async function place(to: string, extra: Partial<CreateCallParams> = {}) {
  const { sid } = await simulator.createCall(params(to, extra));
  await simulator.settled(sid);
  const mine = hits.filter((h) => h.params.CallSid === sid);
  return { sid, mine, statuses: mine.filter((h) => h.path === "/status").map((h) => [h.params.CallStatus, Number(h.params.SequenceNumber)]) };
}

describe("CarrierSimulator", () => {
  it("an interested person: ordered status callbacks, every request signed, their yes reaches the Gather action", async () => {
    voiceTwiml = gather("Would you like to renew?");
    const { sid, mine, statuses } = await place("+12015550100");
    expect(sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(mine.every((h) => h.signed)).toBe(true);
    expect(statuses).toEqual([["initiated", 0], ["ringing", 1], ["in-progress", 2], ["completed", 3]]);
    const speech = mine.find((h) => h.path === "/gather")!.params;
    expect(speech.SpeechResult).toMatch(/yes|sure|yeah|okay/i);
    expect(Number(speech.Confidence)).toBeGreaterThan(0.8);
    expect(mine.find((h) => h.path === "/amd")?.params.AnsweredBy).toBe("human");
    const completed = mine.find((h) => h.params.CallStatus === "completed")!.params;
    expect(Number(completed.CallDuration)).toBeGreaterThan(5);
    expect(simulator.transcript(sid).map((s) => s.speaker)).toEqual(["agent", "lead", "agent"]);
    expect(await simulator.fetchCall(sid)).toMatchObject({ status: "completed" });
  });

  it("busy, no answer and a failing carrier end before anyone speaks", async () => {
    expect((await place("+12015550106")).statuses.map((s) => s[0])).toEqual(["initiated", "busy"]);
    expect((await place("+12015550107")).statuses.map((s) => s[0])).toEqual(["initiated", "ringing", "no-answer"]);
    const failed = await place("+12015550108");
    expect(failed.statuses.map((s) => s[0])).toEqual(["initiated", "failed"]);
    expect(failed.mine.some((h) => h.path === "/voice")).toBe(false);
  });

  it("voicemail: the machine is detected after its greeting and never speaks; silence is posted when asked for", async () => {
    voiceTwiml = gather("Would you like to renew?");
    const { mine } = await place("+12015550105");
    expect(mine.find((h) => h.path === "/amd")?.params.AnsweredBy).toBe("machine_end_beep");
    const gathers = mine.filter((h) => h.path === "/gather");
    expect(gathers.length).toBe(2);
    expect(gathers.every((h) => h.params.SpeechResult === undefined)).toBe(true);
  });

  it("the app can hang up mid-call, and redirect a call to new TwiML", async () => {
    voiceTwiml = gather("Would you like to renew?", 60);
    const { sid } = await simulator.createCall(params("+12015550110")); // silent: waits out the Gather
    await answered(sid);
    await simulator.redirect(sid, `${base}/elsewhere`);
    await simulator.settled(sid);
    const mine = hits.filter((h) => h.params.CallSid === sid);
    expect(mine.some((h) => h.path === "/elsewhere")).toBe(true);
    expect(simulator.transcript(sid).at(-1)?.text).toBe("Moved on.");

    const second = await simulator.createCall(params("+12015550110"));
    await answered(second.sid);
    await simulator.hangup(second.sid);
    await simulator.settled(second.sid);
    expect(hits.filter((h) => h.params.CallSid === second.sid && h.path === "/status").map((h) => h.params.CallStatus).at(-1)).toBe("completed");
  });

  it("TwiML Twilio would refuse ends the call with the debugger's code", async () => {
    voiceTwiml = "<Response><Enqueue>support</Enqueue></Response>";
    const { mine } = await place("+12015550100");
    const last = mine.filter((h) => h.path === "/status").at(-1)!.params;
    expect(last).toMatchObject({ CallStatus: "completed", ErrorCode: "12200" });
    expect(last.ErrorMessage).toContain("Enqueue");
  });
});
