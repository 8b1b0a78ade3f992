import "server-only";
// The LLM engine's settings from the environment, read on every turn (tests and a redeploy change them):
//   LLM_API_KEY                       enables the engine (any OpenAI-compatible chat-completions endpoint)
//   LLM_BASE_URL                      default https://api.openai.com/v1
//   LLM_MODEL                         default gpt-4o-mini
//   LLM_TURN_BUDGET_MS                default 2500: a turn that takes longer falls back to the flow engine
//   LLM_PRICE_PER_1M_INPUT_TOKENS     USD, default 0.15   } gpt-4o-mini's list price (openai.com/api/pricing);
//   LLM_PRICE_PER_1M_OUTPUT_TOKENS    USD, default 0.60   } set both for another model or a negotiated rate
export const LLM_DEFAULTS = {
  baseUrl: "https://api.openai.com/v1",
  model: "gpt-4o-mini",
  turnBudgetMs: 2500,
  pricePer1MInput: 0.15,
  pricePer1MOutput: 0.6,
} as const;

export type LlmConfig = {
  apiKey: string;
  baseUrl: string;
  model: string;
  turnBudgetMs: number;
  pricePer1MInput: number;
  pricePer1MOutput: number;
};

const env = (name: string) => process.env[name]?.trim() || undefined;

function positive(name: string, fallback: number): number {
  const raw = env(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  // A typo in a price or budget must not silently make turns free or instant: use the default and say so.
  if (!(Number.isFinite(value) && value >= 0)) {
    console.warn(`${name}=${raw} is not a number ≥ 0; using ${fallback}`);
    return fallback;
  }
  return value;
}

/** The engine's configuration, or null when no LLM is configured (the flow engine then runs every turn). */
export function llmConfig(): LlmConfig | null {
  const apiKey = env("LLM_API_KEY");
  if (!apiKey) return null;
  return {
    apiKey,
    baseUrl: env("LLM_BASE_URL") ?? LLM_DEFAULTS.baseUrl,
    model: env("LLM_MODEL") ?? LLM_DEFAULTS.model,
    turnBudgetMs: positive("LLM_TURN_BUDGET_MS", LLM_DEFAULTS.turnBudgetMs) || LLM_DEFAULTS.turnBudgetMs,
    pricePer1MInput: positive("LLM_PRICE_PER_1M_INPUT_TOKENS", LLM_DEFAULTS.pricePer1MInput),
    pricePer1MOutput: positive("LLM_PRICE_PER_1M_OUTPUT_TOKENS", LLM_DEFAULTS.pricePer1MOutput),
  };
}
