// The telephony provider, one interface for Twilio and the built-in carrier simulator. Both place a
// call and then talk to the app only through the webhook routes (voice, gather, status, amd,
// recording), signing every request with X-Twilio-Signature; the app can hang a call up or redirect it
// to new TwiML mid-call, and fetch its state to reconcile one whose callbacks went quiet.

export type CreateCallParams = {
  to: string;
  from: string;
  /** Fetched (POST) when the call is answered: the first TwiML document. */
  url: string;
  statusCallback: string;
  /** Which status changes are posted to statusCallback (Twilio's default is completed only). */
  statusCallbackEvents: ("initiated" | "ringing" | "answered" | "completed")[];
  /** Asynchronous answering-machine detection that waits for the greeting's end (Twilio's DetectMessageEnd). */
  machineDetection: boolean;
  amdStatusCallback?: string;
  record: boolean;
  recordingStatusCallback?: string;
  /** Seconds to let it ring. */
  timeout: number;
  /** Seconds the call may last once answered. */
  timeLimit: number;
};

export type ProviderCallState = {
  sid: string;
  status: "queued" | "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
  durationSeconds: number | null;
};

export type RecordingFile = { bytes: Uint8Array; contentType: string };
export type ProviderRecording = { sid: string; url: string; durationSeconds: number | null };

export interface TelephonyProvider {
  readonly id: "twilio" | "simulator";
  /** Seconds of call time per second of wall-clock time (1 for a real carrier; the simulator's speed). */
  readonly timeScale: number;
  createCall(params: CreateCallParams): Promise<{ sid: string }>;
  hangup(sid: string): Promise<void>;
  redirect(sid: string, url: string): Promise<void>;
  fetchCall(sid: string): Promise<ProviderCallState | null>;
  /** The call's recording, if the provider has one: how a recording whose callback was lost is found. */
  findRecording(callSid: string): Promise<ProviderRecording | null>;
  /** The file behind a recording callback's RecordingUrl (two-channel WAV). */
  downloadRecording(url: string): Promise<RecordingFile>;
  /** The provider's copy is no longer needed once the app has its own (the simulator's is removed;
   *  Twilio's is left to the account's own retention settings). */
  releaseRecording(url: string): Promise<void>;
}
