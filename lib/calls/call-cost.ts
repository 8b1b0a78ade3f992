// What a call cost, line by line, from one price table. Every price is configurable from the
// environment (read on each use: a redeploy changes them) and defaults to the provider's list price:
//   TELEPHONY_PRICE_PER_MINUTE        USD per started minute, default 0.014 (Twilio, US outbound to a
//                                     local number: twilio.com/en-us/voice/pricing/us)
//   AMD_PRICE_PER_CALL                USD per call with answering-machine detection, default 0.0075 (same page)
//   RECORDING_PRICE_PER_MINUTE        USD per started recorded minute, default 0.0025 (same page)
// Speech is priced by the voice's provider (ElevenLabs: ELEVENLABS_PRICE_PER_1K_CHARS; built-in: 0) and
// the LLM by its tokens (LLM_PRICE_PER_1M_*), both already known per call when it ends.

export const CALL_PRICE_DEFAULTS = { telephonyPerMinute: 0.014, amdPerCall: 0.0075, recordingPerMinute: 0.0025 } as const;
export type CallPrices = { telephonyPerMinute: number; amdPerCall: number; recordingPerMinute: number };

function price(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  // A typo must not make calls free: keep the default and say so.
  if (!(Number.isFinite(value) && value >= 0)) {
    console.warn(`${name}=${raw} is not a price ≥ 0; using ${fallback}`);
    return fallback;
  }
  return value;
}

export function callPrices(): CallPrices {
  return {
    telephonyPerMinute: price("TELEPHONY_PRICE_PER_MINUTE", CALL_PRICE_DEFAULTS.telephonyPerMinute),
    amdPerCall: price("AMD_PRICE_PER_CALL", CALL_PRICE_DEFAULTS.amdPerCall),
    recordingPerMinute: price("RECORDING_PRICE_PER_MINUTE", CALL_PRICE_DEFAULTS.recordingPerMinute),
  };
}

export type CallUsage = {
  /** Seconds the call was connected (0 for a call never answered: carriers bill answered time). */
  durationSeconds: number;
  amd: boolean;
  /** Seconds recorded (usually the connected time). */
  recordedSeconds: number;
  speechCharacters: number;
  speechCost: number;
  llmInputTokens: number;
  llmOutputTokens: number;
  llmCost: number;
};

export type CostBreakdown = {
  telephony: { minutes: number; price_per_minute: number; cost: number };
  amd: { cost: number };
  recording: { minutes: number; price_per_minute: number; cost: number };
  speech: { characters: number; cost: number };
  llm: { input_tokens: number; output_tokens: number; cost: number };
  total: number;
};

/** Money as the API shows it: rounded to a hundredth of a cent, so lines add up to the total. */
const usd = (value: number) => Math.round(value * 10_000) / 10_000;

export function callCost(usage: CallUsage, prices: CallPrices = callPrices()): CostBreakdown {
  const minutes = Math.ceil(Math.max(0, usage.durationSeconds) / 60);
  const recordedMinutes = Math.ceil(Math.max(0, usage.recordedSeconds) / 60);
  const lines = {
    telephony: { minutes, price_per_minute: prices.telephonyPerMinute, cost: usd(minutes * prices.telephonyPerMinute) },
    amd: { cost: usd(usage.amd ? prices.amdPerCall : 0) },
    recording: { minutes: recordedMinutes, price_per_minute: prices.recordingPerMinute, cost: usd(recordedMinutes * prices.recordingPerMinute) },
    speech: { characters: usage.speechCharacters, cost: usd(usage.speechCost) },
    llm: { input_tokens: usage.llmInputTokens, output_tokens: usage.llmOutputTokens, cost: usd(usage.llmCost) },
  };
  const total = usd(lines.telephony.cost + lines.amd.cost + lines.recording.cost + lines.speech.cost + lines.llm.cost);
  return { ...lines, total };
}
