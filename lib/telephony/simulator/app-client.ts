// The simulator's side of the wire: requests to the app exactly as Twilio makes them — form-encoded
// POST (or GET with the query), signed with X-Twilio-Signature over the URL — and TwiML fetched and read,
// its failures named with Twilio's error codes.
import { randomBytes } from "node:crypto";
import { parseTwiml, type Verb } from "@/lib/telephony/simulator/parse-twiml";
import { baseParams, HttpFailure, type SimCall } from "@/lib/telephony/simulator/sim-call";

export type TwimlDocument = { url: string; verbs: Verb[] };

export class AppClient {
  constructor(
    private readonly authToken: string,
    private readonly http: typeof fetch,
  ) {}

  private async sign(url: string, params: Record<string, string>): Promise<string> {
    const { default: twilio } = await import("twilio");
    return twilio.getExpectedTwilioSignature(this.authToken, url, params);
  }

  /** A signed request to the app, as Twilio makes it. */
  async request(url: string, params: Record<string, string>, method: "GET" | "POST" = "POST"): Promise<Response> {
    const target = method === "GET" ? `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams(params)}` : url;
    const signature = await this.sign(target, method === "GET" ? {} : params);
    return this.http(target, {
      method,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, "i-twilio-idempotency-token": randomBytes(8).toString("hex") },
      body: method === "POST" ? new URLSearchParams(params).toString() : undefined,
      signal: AbortSignal.timeout(15_000),
    });
  }

  /** The TwiML at `url` for a call (11205: no connection; 11200: an error status; 12100/12200: bad TwiML). */
  async twiml(call: SimCall, url: string, params: Record<string, string>, method: "GET" | "POST" = "POST"): Promise<TwimlDocument> {
    let response: Response;
    try {
      response = await this.request(url, { ...baseParams(call), ...params }, method);
    } catch (error) {
      throw new HttpFailure(11205, `HTTP connection failure: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new HttpFailure(11200, `HTTP retrieval failure: ${response.status} from ${url}`);
    return { url, verbs: parseTwiml(await response.text()) };
  }
}
