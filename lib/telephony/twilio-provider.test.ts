// The Twilio provider: the real twilio library against a local server that speaks Twilio's REST API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TwilioProvider, twilioConfig } from "@/lib/telephony/twilio-provider";
import { startTwilioFixture, type TwilioFixture } from "@/lib/testing/twilio-fixture";
import { writeWav } from "@/lib/voice/wav";

let fixture: TwilioFixture;
let provider: TwilioProvider;

beforeAll(async () => {
  fixture = await startTwilioFixture();
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: fixture.accountSid, TWILIO_AUTH_TOKEN: fixture.authToken, TWILIO_FROM_NUMBER: "+15550001111", TWILIO_API_BASE_URL: fixture.url });
  provider = new TwilioProvider(twilioConfig()!);
});
afterAll(async () => {
  for (const name of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_API_BASE_URL"]) delete process.env[name];
  await fixture.close();
});

describe("TwilioProvider", () => {
  it("is configured only with all three variables", () => {
    const saved = process.env.TWILIO_FROM_NUMBER;
    delete process.env.TWILIO_FROM_NUMBER;
    expect(twilioConfig()).toBeNull();
    process.env.TWILIO_FROM_NUMBER = saved;
    expect(twilioConfig()).toMatchObject({ accountSid: fixture.accountSid, fromNumber: "+15550001111" });
  });

  it("creates a call with the voice URL, status callbacks, async AMD, dual-channel recording and limits", async () => {
    const { sid } = await provider.createCall({
      to: "+12015550100",
      from: "+15550001111",
      url: "https://app.example/api/telephony/twilio/voice?call=call_1",
      statusCallback: "https://app.example/api/telephony/twilio/status?call=call_1",
      statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
      machineDetection: true,
      amdStatusCallback: "https://app.example/api/telephony/twilio/amd?call=call_1",
      record: true,
      recordingStatusCallback: "https://app.example/api/telephony/twilio/recording?call=call_1",
      timeout: 25,
      timeLimit: 900,
    });
    expect(sid).toMatch(/^CA[0-9a-f]{32}$/);
    const sent = fixture.requests.at(-1)!;
    expect(sent.path).toBe(`/2010-04-01/Accounts/${fixture.accountSid}/Calls.json`);
    expect(sent.form).toMatchObject({
      To: ["+12015550100"],
      From: ["+15550001111"],
      Url: ["https://app.example/api/telephony/twilio/voice?call=call_1"],
      StatusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
      MachineDetection: ["DetectMessageEnd"],
      AsyncAmd: ["true"],
      AsyncAmdStatusCallback: ["https://app.example/api/telephony/twilio/amd?call=call_1"],
      Record: ["true"],
      RecordingChannels: ["dual"],
      Timeout: ["25"],
      TimeLimit: ["900"],
    });
  });

  it("hangs up and redirects through the call resource, and fetches its state", async () => {
    const { sid } = await provider.createCall({ to: "+12015550101", from: "+15550001111", url: "https://app.example/v", statusCallback: "https://app.example/s", statusCallbackEvents: ["completed"], machineDetection: false, record: false, timeout: 30, timeLimit: 600 });
    await provider.redirect(sid, "https://app.example/elsewhere");
    expect(fixture.requests.at(-1)!.form).toMatchObject({ Url: ["https://app.example/elsewhere"], Method: ["POST"] });
    await provider.hangup(sid);
    expect(fixture.requests.at(-1)!.form).toMatchObject({ Status: ["completed"] });
    expect(await provider.fetchCall(sid)).toEqual({ sid, status: "completed", durationSeconds: 0 });
    expect(await provider.fetchCall("CA00000000000000000000000000000000")).toBeNull();
  });

  it("downloads a recording's WAV from its RecordingUrl with the account's credentials", async () => {
    const sid = `RE${"a".repeat(32)}`;
    const wav = writeWav({ sampleRate: 8000, channels: 2, bitsPerSample: 16, data: new Uint8Array(32_000) });
    fixture.recordings.set(sid, wav);
    // Twilio's RecordingUrl: the API host, no extension.
    const url = `https://api.twilio.com/2010-04-01/Accounts/${fixture.accountSid}/Recordings/${sid}`;
    const file = await provider.downloadRecording(url);
    expect(Buffer.from(file.bytes).equals(wav)).toBe(true);
    expect(fixture.requests.at(-1)).toMatchObject({ method: "GET", path: `/2010-04-01/Accounts/${fixture.accountSid}/Recordings/${sid}.wav` });
    await expect(provider.downloadRecording(url.replace(sid, `RE${"b".repeat(32)}`))).rejects.toThrow(/404/);
    // The credentials go to Twilio's API only.
    await expect(provider.downloadRecording(`https://evil.example/2010-04-01/Accounts/${fixture.accountSid}/Recordings/${sid}`)).rejects.toThrow(/Not a Twilio recording URL/);
  });

  it("finds a call's recording (how a lost recording callback is recovered)", async () => {
    const callSid = `CA${"c".repeat(32)}`;
    const sid = `RE${"d".repeat(32)}`;
    fixture.recordingsByCall.set(callSid, sid);
    expect(await provider.findRecording(callSid)).toEqual({ sid, url: `https://api.twilio.com/2010-04-01/Accounts/${fixture.accountSid}/Recordings/${sid}`, durationSeconds: 42 });
    expect(await provider.findRecording(`CA${"e".repeat(32)}`)).toBeNull();
  });
});
