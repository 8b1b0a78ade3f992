// A local server that speaks Twilio's REST API for calls, so the real twilio library
// (lib/telephony/twilio-provider.ts) runs in tests: set TWILIO_API_BASE_URL to `url`.
//   POST /2010-04-01/Accounts/{AccountSid}/Calls.json            create (form: To, From, Url, StatusCallback…) → 201
//   POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json  update (Status=completed | Url) → 200
//   GET  /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json  fetch → 200, or 404 {code: 20404}
//   GET  /2010-04-01/Accounts/{AccountSid}/Recordings.json?CallSid=…   a call's recordings (`recordingsByCall`)
//   GET  /2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}.wav   a recording's media (`recordings`)
// Auth is HTTP Basic with the account SID and auth token (401 {code: 20003} otherwise).
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type TwilioRequest = { method: string; path: string; form: Record<string, string[]> };
type CallResource = { sid: string; status: string; to: string; from: string; duration: string | null };

export type TwilioFixture = {
  url: string;
  accountSid: string;
  authToken: string;
  requests: TwilioRequest[];
  calls: Map<string, CallResource>;
  /** Recording media by RecordingSid, served as audio/x-wav. */
  recordings: Map<string, Uint8Array>;
  /** Which call each recording belongs to (CallSid → RecordingSid), listed by Recordings.json?CallSid=. */
  recordingsByCall: Map<string, string>;
  close: () => Promise<void>;
};

export async function startTwilioFixture(): Promise<TwilioFixture> {
  const accountSid = `AC${randomBytes(16).toString("hex")}`;
  const authToken = randomBytes(16).toString("hex");
  const requests: TwilioRequest[] = [];
  const calls = new Map<string, CallResource>();
  const recordings = new Map<string, Uint8Array>();
  const recordingsByCall = new Map<string, string>();
  const resource = (call: CallResource) => ({
    sid: call.sid,
    account_sid: accountSid,
    to: call.to,
    from: call.from,
    status: call.status,
    duration: call.duration,
    direction: "outbound-api",
    api_version: "2010-04-01",
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`,
  });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      const form: Record<string, string[]> = {};
      for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString())) (form[key] ??= []).push(value);
      const path = req.url!.split("?")[0]!;
      requests.push({ method: req.method!, path, form });
      if (req.headers.authorization !== `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`) {
        return send(401, { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
      }
      if (path === `/2010-04-01/Accounts/${accountSid}/Recordings.json` && req.method === "GET") {
        const callSid = new URL(req.url!, "http://fixture").searchParams.get("CallSid");
        const found = [...recordingsByCall.entries()].filter(([call]) => !callSid || call === callSid).map(([call, sid]) => ({
          sid,
          account_sid: accountSid,
          call_sid: call,
          status: "completed",
          duration: "42",
          channels: 2,
          uri: `/2010-04-01/Accounts/${accountSid}/Recordings/${sid}.json`,
        }));
        return send(200, { recordings: found, start: 0, end: found.length, page: 0, page_size: 50, first_page_uri: path, next_page_uri: null, previous_page_uri: null, uri: path });
      }
      const media = /^\/2010-04-01\/Accounts\/([^/]+)\/Recordings\/(RE[0-9a-f]{32})\.wav$/.exec(path);
      if (media && media[1] === accountSid && req.method === "GET") {
        const bytes = recordings.get(media[2]!);
        if (!bytes) return send(404, { code: 20404, message: "The requested resource was not found", status: 404 });
        return res.writeHead(200, { "content-type": "audio/x-wav", "content-length": bytes.length }).end(bytes);
      }
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls(?:\/([^/.]+))?\.json$/.exec(path);
      if (!match || match[1] !== accountSid) return send(404, { code: 20404, message: "The requested resource was not found", status: 404 });
      const sid = match[2];
      if (!sid && req.method === "POST") {
        const call = { sid: `CA${randomBytes(16).toString("hex")}`, status: "queued", to: form.To?.[0] ?? "", from: form.From?.[0] ?? "", duration: null };
        calls.set(call.sid, call);
        return send(201, resource(call));
      }
      const call = sid ? calls.get(sid) : undefined;
      if (!call) return send(404, { code: 20404, message: `The requested resource /Calls/${sid}.json was not found`, status: 404 });
      if (req.method === "POST" && form.Status?.[0] === "completed") {
        call.status = "completed";
        call.duration = "0";
      }
      return send(200, resource(call));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accountSid,
    authToken,
    requests,
    calls,
    recordings,
    recordingsByCall,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
