// The simulator's TwiML reader: what the app's own builder writes reads back as the same verbs,
// Twilio's defaults apply, and what Twilio would refuse fails with its debugger's codes.
import { describe, expect, it } from "vitest";
import { parseTwiml, TwimlError } from "@/lib/telephony/simulator/parse-twiml";
import { twimlFor } from "@/lib/telephony/twiml";

const ctx = {
  audioFor: async (text: string) => `https://app.example/a/${text.length}.wav`,
  gatherUrl: "https://app.example/g?call=1&x=2",
  language: "en-US",
  whisperUrl: () => "https://app.example/w",
  callerId: "+15550001111",
};

describe("parseTwiml", () => {
  it("reads back what the app's builder writes", async () => {
    const xml = await twimlFor([{ type: "say", text: "Hello" }, { type: "listen", hints: ["yes", "no"], timeout: 4 }], ctx);
    expect(parseTwiml(xml)).toEqual([
      {
        verb: "Gather",
        input: ["speech"],
        action: "https://app.example/g?call=1&x=2",
        method: "POST",
        timeout: 4,
        speechTimeout: "auto",
        hints: ["yes", "no"],
        actionOnEmptyResult: true,
        language: "en-US",
        children: [{ verb: "Play", url: "https://app.example/a/5.wav", loop: 1 }],
      },
    ]);
    const transfer = await twimlFor([{ type: "transfer", to: "+15557654321", whisper: "hi" }], ctx);
    expect(parseTwiml(transfer)).toEqual([
      { verb: "Dial", action: null, method: "POST", callerId: "+15550001111", timeout: 30, timeLimit: null, targets: [{ kind: "number", value: "+15557654321", url: "https://app.example/w" }] },
    ]);
  });

  it("applies Twilio's defaults and reads every supported verb", () => {
    const verbs = parseTwiml(
      '<Response><Say voice="alice">Hi &amp; welcome</Say><Pause/><Play loop="2">https://x/a.mp3</Play><Gather input="speech dtmf"><Say>Press or say</Say></Gather>' +
        "<Dial>+15551230000</Dial><Redirect method=\"GET\">/next</Redirect><Reject reason=\"busy\"/><Hangup/></Response>",
    );
    expect(verbs.map((v) => v.verb)).toEqual(["Say", "Pause", "Play", "Gather", "Dial", "Redirect", "Reject", "Hangup"]);
    expect(verbs[0]).toEqual({ verb: "Say", text: "Hi & welcome", loop: 1 });
    expect(verbs[1]).toEqual({ verb: "Pause", seconds: 1 });
    expect(verbs[3]).toMatchObject({ input: ["speech", "dtmf"], action: null, timeout: 5, speechTimeout: "auto", actionOnEmptyResult: false });
    expect(verbs[4]).toMatchObject({ targets: [{ kind: "number", value: "+15551230000", url: null }], timeout: 30 });
    expect(verbs[5]).toEqual({ verb: "Redirect", url: "/next", method: "GET" });
    expect(verbs[6]).toEqual({ verb: "Reject", reason: "busy" });
  });

  const fails = (xml: string, code: number, message: string) => {
    try {
      parseTwiml(xml);
    } catch (error) {
      expect(error).toBeInstanceOf(TwimlError);
      expect((error as TwimlError).code).toBe(code);
      expect((error as TwimlError).message).toContain(message);
      return;
    }
    throw new Error(`parsed: ${xml}`);
  };

  it("fails what Twilio would: 12100 for a broken document, 12200 for what it does not accept", () => {
    fails("<Response><Say>unclosed</Response>", 12100, "parse");
    fails("<Speak>hi</Speak>", 12100, "<Response>");
    fails("<Response><Enqueue>support</Enqueue></Response>", 12200, "Unsupported verb <Enqueue>");
    fails("<Response><Gather><Dial>+1555</Dial></Gather></Response>", 12200, "not allowed in <Gather>");
    fails('<Response><Gather timeout="soon"/></Response>', 12200, 'Invalid timeout="soon"');
    fails("<Response><Dial><Queue>q</Queue></Dial></Response>", 12200, "not supported in <Dial>");
    fails("<Response><Play></Play></Response>", 12200, "needs a URL");
  });
});
