import "server-only";
// Twilio, through its own library: calls.create with the voice URL, status callbacks, asynchronous
// answering-machine detection (DetectMessageEnd), recording, timeout and timeLimit; hang-up and
// redirect by updating the call resource; fetch for reconciliation. TWILIO_API_BASE_URL (tests only)
// sends the library's requests to a local server that speaks Twilio's REST API instead.
//   TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER   switch Twilio on (all three)
import type { CreateCallParams, ProviderCallState, ProviderRecording, RecordingFile, TelephonyProvider } from "@/lib/telephony/provider";
import type RequestClient from "twilio/lib/base/RequestClient";

type RequestOptions<T> = RequestClient.RequestOptions<T>;

const env = (name: string) => process.env[name]?.trim() || undefined;

export type TwilioConfig = { accountSid: string; authToken: string; fromNumber: string; apiBaseUrl?: string };

export function twilioConfig(): TwilioConfig | null {
  const accountSid = env("TWILIO_ACCOUNT_SID");
  const authToken = env("TWILIO_AUTH_TOKEN");
  const fromNumber = env("TWILIO_FROM_NUMBER");
  if (!accountSid || !authToken || !fromNumber) return null;
  return { accountSid, authToken, fromNumber, apiBaseUrl: env("TWILIO_API_BASE_URL") };
}

type TwilioClient = Awaited<ReturnType<typeof clientFor>>;

async function clientFor(config: TwilioConfig) {
  const { default: twilio } = await import("twilio");
  if (!config.apiBaseUrl) return twilio(config.accountSid, config.authToken);
  const base = config.apiBaseUrl.replace(/\/$/, "");
  // The library's own HTTP client, with Twilio's hosts swapped for the local server's.
  class RebasedClient extends twilio.RequestClient {
    request<T>(opts: RequestOptions<T>) {
      return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z.]*twilio\.com/, base) });
    }
  }
  return twilio(config.accountSid, config.authToken, { httpClient: new RebasedClient() });
}

export class TwilioProvider implements TelephonyProvider {
  readonly id = "twilio" as const;
  readonly timeScale = 1;
  private client: Promise<TwilioClient> | null = null;

  constructor(private readonly config: TwilioConfig) {}

  private api(): Promise<TwilioClient> {
    this.client ??= clientFor(this.config);
    return this.client;
  }

  async createCall(params: CreateCallParams): Promise<{ sid: string }> {
    const client = await this.api();
    const call = await client.calls.create({
      to: params.to,
      from: params.from,
      url: params.url,
      method: "POST",
      statusCallback: params.statusCallback,
      statusCallbackMethod: "POST",
      statusCallbackEvent: params.statusCallbackEvents,
      timeout: params.timeout,
      timeLimit: params.timeLimit,
      record: params.record,
      ...(params.record && params.recordingStatusCallback
        ? { recordingChannels: "dual", recordingStatusCallback: params.recordingStatusCallback, recordingStatusCallbackMethod: "POST" }
        : {}),
      ...(params.machineDetection
        ? { machineDetection: "DetectMessageEnd", asyncAmd: "true", ...(params.amdStatusCallback ? { asyncAmdStatusCallback: params.amdStatusCallback, asyncAmdStatusCallbackMethod: "POST" } : {}) }
        : {}),
    });
    return { sid: call.sid };
  }

  async hangup(sid: string): Promise<void> {
    const client = await this.api();
    await client.calls(sid).update({ status: "completed" });
  }

  async redirect(sid: string, url: string): Promise<void> {
    const client = await this.api();
    await client.calls(sid).update({ url, method: "POST" });
  }

  async fetchCall(sid: string): Promise<ProviderCallState | null> {
    const client = await this.api();
    try {
      const call = await client.calls(sid).fetch();
      return { sid: call.sid, status: call.status as ProviderCallState["status"], durationSeconds: call.duration ? Number(call.duration) : null };
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  async findRecording(callSid: string): Promise<ProviderRecording | null> {
    const client = await this.api();
    const [recording] = await client.recordings.list({ callSid, limit: 1 });
    if (!recording || recording.status !== "completed") return null;
    // The same URL a recording callback names (RecordingUrl): the resource without its extension.
    return { sid: recording.sid, url: `https://api.twilio.com/2010-04-01/Accounts/${this.config.accountSid}/Recordings/${recording.sid}`, durationSeconds: recording.duration ? Number(recording.duration) : null };
  }

  async downloadRecording(url: string): Promise<RecordingFile> {
    // RecordingUrl has no extension; ".wav" asks for the uncompressed two-channel file. Basic auth
    // works whether or not the account requires it for media.
    // The account's credentials go only to Twilio's API, whatever URL a callback names.
    if (!/^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\//.test(url)) throw new Error(`Not a Twilio recording URL: ${url}`);
    const target = this.config.apiBaseUrl ? url.replace(/^https:\/\/[a-z.]*twilio\.com/, this.config.apiBaseUrl.replace(/\/$/, "")) : url;
    const response = await fetch(`${target}.wav`, {
      headers: { authorization: `Basic ${Buffer.from(`${this.config.accountSid}:${this.config.authToken}`).toString("base64")}` },
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`Twilio answered ${response.status} for the recording ${url}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: "audio/wav" };
  }

  async releaseRecording(): Promise<void> {
    // Twilio's copy stays under the account's own retention policy: deleting customer data is its owner's call.
  }
}
