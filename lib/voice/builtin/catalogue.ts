// The built-in engine's curated voices: each a real combination of an espeak-ng language voice, a
// variant (the speaker's timbre), a speaking rate and a base pitch, plus a default stability (how much
// the pitch moves). Ids are stable (voice_<key>), so a deployment's built-in voice ids are known in
// advance and documented examples work everywhere.
import type { EspeakArgs } from "@/lib/voice/builtin/espeak";

export type Gender = "female" | "male" | "neutral";
export type Category = "professional" | "conversational" | "narrative";

// espeak voice names: "en" (British English) and "fr" (French), not "en-gb"/"fr-fr", which in this
// build are language names that ignore the variant (the test "every catalogue voice takes its variant").
export type CatalogueVoice = {
  key: string;
  name: string;
  description: string;
  /** BCP 47 tag. */
  language: string;
  gender: Gender;
  category: Category;
  espeak: Omit<EspeakArgs, "range">;
  /** Default stability (0–1): higher is steadier, i.e. a narrower pitch range. */
  stability: number;
};

export const BUILTIN_CATALOGUE: readonly CatalogueVoice[] = [
  { key: "ava", name: "Ava", description: "Clear, even American English for business calls", language: "en-US", gender: "female", category: "professional", espeak: { voice: "en-us", variant: "f3", rate: 165, pitch: 58 }, stability: 0.6 },
  { key: "marcus", name: "Marcus", description: "Calm, measured American English", language: "en-US", gender: "male", category: "professional", espeak: { voice: "en-us", variant: "m3", rate: 160, pitch: 42 }, stability: 0.65 },
  { key: "jenna", name: "Jenna", description: "Bright, friendly American English for follow-ups", language: "en-US", gender: "female", category: "conversational", espeak: { voice: "en-us", variant: "Annie", rate: 175, pitch: 62 }, stability: 0.3 },
  { key: "riley", name: "Riley", description: "A mid-pitched, gender-neutral American voice", language: "en-US", gender: "neutral", category: "conversational", espeak: { voice: "en-us", variant: "f5", rate: 168, pitch: 36 }, stability: 0.45 },
  { key: "walter", name: "Walter", description: "Low, unhurried American English for longer messages", language: "en-US", gender: "male", category: "narrative", espeak: { voice: "en-us", variant: "m6", rate: 145, pitch: 38 }, stability: 0.75 },
  { key: "eleanor", name: "Eleanor", description: "Received Pronunciation, crisp and formal", language: "en-GB", gender: "female", category: "professional", espeak: { voice: "en-gb-x-rp", variant: "f2", rate: 160, pitch: 55 }, stability: 0.6 },
  { key: "oliver", name: "Oliver", description: "Relaxed British English", language: "en-GB", gender: "male", category: "conversational", espeak: { voice: "en", variant: "m2", rate: 170, pitch: 46 }, stability: 0.4 },
  { key: "quinn", name: "Quinn", description: "A gender-neutral British voice, steady and precise", language: "en-GB", gender: "neutral", category: "professional", espeak: { voice: "en-gb-x-rp", variant: "f5", rate: 162, pitch: 34 }, stability: 0.7 },
  { key: "harriet", name: "Harriet", description: "Warm British English for stories and explanations", language: "en-GB", gender: "female", category: "narrative", espeak: { voice: "en-gb-x-rp", variant: "f4", rate: 150, pitch: 50 }, stability: 0.55 },
  { key: "lucia", name: "Lucía", description: "Castilian Spanish, professional", language: "es-ES", gender: "female", category: "professional", espeak: { voice: "es", variant: "f3", rate: 165, pitch: 58 }, stability: 0.6 },
  { key: "mateo", name: "Mateo", description: "Latin American Spanish, friendly", language: "es-MX", gender: "male", category: "conversational", espeak: { voice: "es-419", variant: "m3", rate: 172, pitch: 45 }, stability: 0.35 },
  { key: "camille", name: "Camille", description: "Parisian French, polished", language: "fr-FR", gender: "female", category: "professional", espeak: { voice: "fr", variant: "f2", rate: 160, pitch: 56 }, stability: 0.6 },
  { key: "julien", name: "Julien", description: "French, deep and unhurried", language: "fr-FR", gender: "male", category: "narrative", espeak: { voice: "fr", variant: "m4", rate: 150, pitch: 40 }, stability: 0.7 },
  { key: "greta", name: "Greta", description: "German, lively and approachable", language: "de-DE", gender: "female", category: "conversational", espeak: { voice: "de", variant: "f4", rate: 165, pitch: 57 }, stability: 0.35 },
  { key: "lukas", name: "Lukas", description: "German, clear and businesslike", language: "de-DE", gender: "male", category: "professional", espeak: { voice: "de", variant: "m2", rate: 158, pitch: 44 }, stability: 0.65 },
  { key: "beatriz", name: "Beatriz", description: "Brazilian Portuguese, warm", language: "pt-BR", gender: "female", category: "conversational", espeak: { voice: "pt-br", variant: "f3", rate: 168, pitch: 58 }, stability: 0.4 },
  { key: "rafael", name: "Rafael", description: "Brazilian Portuguese, confident", language: "pt-BR", gender: "male", category: "professional", espeak: { voice: "pt-br", variant: "m3", rate: 162, pitch: 44 }, stability: 0.6 },
  { key: "giulia", name: "Giulia", description: "Italian, expressive storytelling", language: "it-IT", gender: "female", category: "narrative", espeak: { voice: "it", variant: "f5", rate: 152, pitch: 55 }, stability: 0.4 },
  { key: "marco", name: "Marco", description: "Italian, easygoing", language: "it-IT", gender: "male", category: "conversational", espeak: { voice: "it", variant: "m5", rate: 168, pitch: 46 }, stability: 0.4 },
  { key: "priya", name: "Priya", description: "Hindi, courteous and clear", language: "hi-IN", gender: "female", category: "professional", espeak: { voice: "hi", variant: "f3", rate: 158, pitch: 58 }, stability: 0.6 },
  { key: "arjun", name: "Arjun", description: "Hindi, conversational", language: "hi-IN", gender: "male", category: "conversational", espeak: { voice: "hi", variant: "m2", rate: 165, pitch: 45 }, stability: 0.45 },
];

/** What each voice says in its sample, by language (the part before the region). */
export const SAMPLE_TEXT: Record<string, string> = {
  en: "Hi, this is {name}. I'm calling with a quick update about your account — do you have a minute?",
  es: "Hola, soy {name}. Le llamo con una breve actualización sobre su cuenta. ¿Tiene un minuto?",
  fr: "Bonjour, ici {name}. Je vous appelle pour une courte information sur votre compte. Avez-vous une minute ?",
  de: "Hallo, hier ist {name}. Ich rufe kurz wegen Ihres Kontos an. Haben Sie eine Minute Zeit?",
  pt: "Olá, aqui é {name}. Estou ligando com uma atualização rápida sobre a sua conta. Você tem um minuto?",
  it: "Ciao, sono {name}. La chiamo per un breve aggiornamento sul suo account. Ha un minuto?",
  hi: "नमस्ते, यह {name} है। आपके खाते के बारे में एक छोटी सी जानकारी है। क्या आपके पास एक मिनट है?",
};

export function sampleText(language: string, name: string): string {
  const base = language.split("-")[0]!.toLowerCase();
  // A function replacement: a clone's name is the user's, and "$&" in it must stay literal.
  return (SAMPLE_TEXT[base] ?? SAMPLE_TEXT.en!).replace("{name}", () => name);
}
