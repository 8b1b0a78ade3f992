// Actions → TwiML, checked against the XML Twilio documents, written out by hand.
import { describe, expect, it } from "vitest";
import { twimlFor, type TwimlContext } from "@/lib/telephony/twiml";

const CTX: TwimlContext = {
  audioFor: async (text) => `https://app.example/audio/${encodeURIComponent(text.slice(0, 5))}.wav`,
  gatherUrl: "https://app.example/api/telephony/twilio/gather?call=call_1",
  language: "en-US",
  whisperUrl: (whisper) => `https://app.example/api/telephony/twilio/whisper?text=${encodeURIComponent(whisper)}`,
  transferActionUrl: "https://app.example/api/telephony/twilio/transfer?call=call_1",
  callerId: "+15550001111",
};
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

describe("twimlFor", () => {
  it("plays what the agent says inside a speech Gather that posts even on silence", async () => {
    const xml = await twimlFor(
      [
        { type: "say", text: "Hello there" },
        { type: "say", text: "Would you like to renew?" },
        { type: "listen", hints: ["renew", "price"], timeout: 4 },
      ],
      CTX,
    );
    expect(xml).toBe(
      `${HEAD}<Response><Gather input="speech" action="https://app.example/api/telephony/twilio/gather?call=call_1" method="POST" actionOnEmptyResult="true" speechTimeout="auto" timeout="4" language="en-US" hints="renew, price">` +
        "<Play>https://app.example/audio/Hello.wav</Play><Play>https://app.example/audio/Would.wav</Play></Gather></Response>",
    );
  });

  it("says goodbye and hangs up on end; the call service's actions add nothing", async () => {
    const xml = await twimlFor(
      [{ type: "say", text: "Goodbye" }, { type: "opt_out" }, { type: "schedule_callback", at: null }, { type: "end", disposition: "do_not_call" }],
      CTX,
    );
    expect(xml).toBe(`${HEAD}<Response><Play>https://app.example/audio/Goodb.wav</Play><Hangup/></Response>`);
  });

  it("dials a transfer with the whisper played to the person first", async () => {
    const xml = await twimlFor([{ type: "say", text: "Connecting you" }, { type: "transfer", to: "+15557654321", whisper: "Sam, renewal" }], CTX);
    expect(xml).toBe(
      `${HEAD}<Response><Play>https://app.example/audio/Conne.wav</Play>` +
        '<Dial action="https://app.example/api/telephony/twilio/transfer?call=call_1" method="POST" callerId="+15550001111">' +
        '<Number url="https://app.example/api/telephony/twilio/whisper?text=Sam%2C%20renewal">+15557654321</Number></Dial></Response>',
    );
  });

  it("dials a person's browser for client targets, and refuses an unresolved 'agents' target", async () => {
    const xml = await twimlFor([{ type: "transfer", to: "client:user_123", whisper: "" }], { ...CTX, transferActionUrl: undefined });
    expect(xml).toBe(`${HEAD}<Response><Dial callerId="+15550001111"><Client>user_123</Client></Dial></Response>`);
    await expect(twimlFor([{ type: "transfer", to: "agents", whisper: "" }], CTX)).rejects.toThrow("Resolve");
  });

  it("escapes what it is given", async () => {
    const xml = await twimlFor([{ type: "listen", hints: ["R&D <team>"], timeout: 5 }], { ...CTX, gatherUrl: "https://app.example/g?a=1&b=2" });
    expect(xml).toContain('action="https://app.example/g?a=1&amp;b=2"');
    // ">" may stand unescaped in an attribute (XML 1.0 §2.4); "&" and "<" may not.
    expect(xml).toContain('hints="R&amp;D &lt;team>"');
  });
});
