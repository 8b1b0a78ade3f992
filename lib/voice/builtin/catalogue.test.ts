// The built-in catalogue: what the issue asks of it, and that each voice is really the voice it says —
// espeak ignores a variant given with some voice names (en-gb, fr-fr in this build), so each voice is
// checked to sound different with another variant.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE, sampleText } from "@/lib/voice/builtin/catalogue";
import { synthesizeWithEspeak } from "@/lib/voice/builtin/espeak";

const digest = (audio: Buffer) => createHash("sha256").update(audio).digest("hex");

describe("built-in catalogue", () => {
  it("covers the languages, genders and categories with unique, named voices", () => {
    expect(BUILTIN_CATALOGUE.length).toBeGreaterThanOrEqual(16);
    expect(new Set(BUILTIN_CATALOGUE.map((v) => v.key)).size).toBe(BUILTIN_CATALOGUE.length);
    const languages = new Set(BUILTIN_CATALOGUE.map((v) => v.language));
    for (const tag of ["en-US", "en-GB", "fr-FR", "de-DE", "pt-BR", "it-IT", "hi-IN"]) expect(languages).toContain(tag);
    expect([...languages].some((l) => l.startsWith("es-"))).toBe(true);
    for (const g of ["female", "male", "neutral"]) expect(BUILTIN_CATALOGUE.some((v) => v.gender === g)).toBe(true);
    for (const c of ["professional", "conversational", "narrative"]) expect(BUILTIN_CATALOGUE.some((v) => v.category === c)).toBe(true);
    for (const v of BUILTIN_CATALOGUE) {
      expect(v.espeak.rate).toBeGreaterThanOrEqual(80);
      expect(v.espeak.rate).toBeLessThanOrEqual(450);
      expect(v.espeak.pitch).toBeGreaterThanOrEqual(0);
      expect(v.espeak.pitch).toBeLessThanOrEqual(99);
      expect(sampleText(v.language, v.name)).toContain(v.name);
    }
  });

  it("every catalogue voice takes its variant", async () => {
    for (const v of BUILTIN_CATALOGUE) {
      const base = { voice: v.espeak.voice, rate: 160, pitch: 50, range: "medium" as const };
      const own = await synthesizeWithEspeak("One two three.", { ...base, variant: v.espeak.variant });
      const other = await synthesizeWithEspeak("One two three.", { ...base, variant: v.espeak.variant === "m3" ? "f3" : "m3" });
      expect(digest(own), `${v.key} (${v.espeak.voice}+${v.espeak.variant})`).not.toBe(digest(other));
    }
  }, 60_000);
});
