"use client";

import { useEffect, useId, useRef, useState } from "react";
import { MAX_SPEECH_CHARACTERS } from "@/lib/voice/schemas";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { formatCurrency, formatNumber } from "@/lib/client/format";
import { cn } from "@/lib/client/cn";
import { useGenerateSpeech } from "@/components/voices/hooks/use-generate-speech";
import type { GeneratedSpeech, Voice, VoiceSettings } from "@/components/voices/types";
import { PROVIDER_LABELS, formatClock, languageName } from "@/components/voices/voice-labels";
import { AudioPlayer } from "@/components/voices/audio-player";
import { VoiceSettingsControls } from "@/components/voices/voice-settings-controls";
import { SparkIcon } from "@/components/ui/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label, Select, Textarea } from "@/components/ui/field";

const PLACEHOLDER = "Hi, this is your assistant from Vocelio. I'm calling about your appointment tomorrow at 10 — does that still work for you?";

/** Cost in dollars: a cent's fraction is "< $0.01", not a misleading "$0.00". */
export function formatCost(cost: number): string {
  return cost > 0 && cost < 0.01 ? `< ${formatCurrency(0.01)}` : formatCurrency(cost);
}

/**
 * "Try a voice": text (up to the API's limit) spoken by a chosen voice with that provider's settings,
 * then played here with its length and cost. The same text, voice and settings again come from the
 * cache: instant and free.
 */
export function TryVoiceDialog({
  open,
  onClose,
  voice,
  voices,
  onVoiceChange,
  text,
  onTextChange,
}: {
  open: boolean;
  onClose: () => void;
  voice: Voice | null;
  /** Ready voices to choose from. */
  voices: Voice[];
  onVoiceChange: (voice: Voice) => void;
  /** Kept by the page, so the same words can be tried with voice after voice. */
  text: string;
  onTextChange: (text: string) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      placement="side"
      title="Try a voice"
      description="Type what the agent should say and hear it in this voice."
    >
      {voice ? (
        <TryVoiceForm
          // Settings belong to one voice (each provider has its own).
          key={voice.id}
          voice={voice}
          voices={voices}
          onVoiceChange={onVoiceChange}
          text={text}
          onTextChange={onTextChange}
        />
      ) : null}
    </Dialog>
  );
}

function TryVoiceForm({
  voice,
  voices,
  onVoiceChange,
  text,
  onTextChange,
}: {
  voice: Voice;
  voices: Voice[];
  onVoiceChange: (voice: Voice) => void;
  text: string;
  onTextChange: (text: string) => void;
}) {
  const ids = useId();
  const generate = useGenerateSpeech();
  const [overrides, setOverrides] = useState<VoiceSettings>({});
  const [textError, setTextError] = useState<string | null>(null);
  const [result, setResult] = useState<GeneratedSpeech | null>(null);

  const choices = voices.some((v) => v.id === voice.id) ? voices : [voice, ...voices];
  const length = text.length;
  const over = length - MAX_SPEECH_CHARACTERS;
  const serverTextError =
    generate.error instanceof ApiClientError ? generate.error.fields.find((f) => f.field === "text")?.message : undefined;
  const shownTextError = textError ?? serverTextError ?? (over > 0 ? `${formatNumber(over)} ${over === 1 ? "character" : "characters"} too many: the limit is ${formatNumber(MAX_SPEECH_CHARACTERS)}` : null);
  const changed = Object.keys(overrides).length > 0;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setTextError("Type something for the voice to say.");
      return;
    }
    if (over > 0) return;
    generate.mutate(
      { text, voice_id: voice.id, settings: changed ? overrides : undefined },
      { onSuccess: (speech) => setResult(speech) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="try-voice-form">
      <div className="space-y-1.5">
        <Label htmlFor={`${ids}-voice`}>Voice</Label>
        <Select
          id={`${ids}-voice`}
          value={voice.id}
          onChange={(event) => {
            const next = choices.find((v) => v.id === event.target.value);
            if (next) onVoiceChange(next);
          }}
        >
          {choices.map((v) => (
            <option key={v.id} value={v.id}>
              {`${v.name} — ${languageName(v.language)}${v.owned ? " (your clone)" : ""}`}
            </option>
          ))}
        </Select>
        <p className="text-xs text-slate-500">
          {PROVIDER_LABELS[voice.provider]} voice · {voice.language}
        </p>
      </div>

      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between gap-3">
          <Label htmlFor={`${ids}-text`}>Text to speak</Label>
          <span
            id={`${ids}-count`}
            data-testid="speech-char-count"
            className={cn("text-xs tabular-nums", over > 0 ? "font-semibold text-red-600" : "text-slate-500")}
          >
            {formatNumber(length)} / {formatNumber(MAX_SPEECH_CHARACTERS)}
            <span className="sr-only"> characters</span>
          </span>
        </div>
        <Textarea
          id={`${ids}-text`}
          data-autofocus
          rows={5}
          value={text}
          placeholder={PLACEHOLDER}
          invalid={Boolean(shownTextError)}
          aria-describedby={shownTextError ? `${ids}-count ${ids}-text-error` : `${ids}-count`}
          onChange={(event) => {
            setTextError(null);
            onTextChange(event.target.value);
          }}
        />
        {shownTextError ? (
          <p id={`${ids}-text-error`} className="text-xs font-medium text-red-600">
            {shownTextError}
          </p>
        ) : null}
      </div>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Settings</legend>
        <VoiceSettingsControls provider={voice.provider} defaults={voice.settings} overrides={overrides} onChange={setOverrides} />
        <Button variant="ghost" size="sm" disabled={!changed} onClick={() => setOverrides({})}>
          Reset to the voice&apos;s defaults
        </Button>
      </fieldset>

      {generate.isError && !serverTextError ? (
        <Alert tone="error" title="The speech could not be generated" data-testid="speech-error">
          {errorMessage(generate.error)}
        </Alert>
      ) : null}

      <Button type="submit" pending={generate.isPending} disabled={over > 0} className="w-full">
        <SparkIcon className="size-4" />
        Generate
      </Button>

      {result ? <SpeechResult speech={result} voiceName={choices.find((v) => v.id === result.voice_id)?.name ?? voice.name} /> : null}
    </form>
  );
}

function SpeechResult({ speech, voiceName }: { speech: GeneratedSpeech; voiceName: string }) {
  const ref = useRef<HTMLElement>(null);
  // Each answer (a cached one too) is brought into view: on a phone it lands below the button.
  // A block body: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [speech]);
  return (
    <section ref={ref} aria-label="Generated speech" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="speech-result">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{voiceName} says</h3>
        {speech.cached ? (
          <Badge tone="success" data-testid="speech-cached">
            Cached
          </Badge>
        ) : (
          <Badge tone="brand">New</Badge>
        )}
      </div>
      <AudioPlayer key={speech.audio_id} src={speech.audio_url} label="the generated speech" preload="metadata" audioTestId="speech-audio" knownDuration={speech.duration} />
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Duration</dt>
          <dd className="font-medium text-slate-900 tabular-nums" data-testid="speech-duration">
            {formatClock(speech.duration)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Cost</dt>
          <dd className="font-medium text-slate-900 tabular-nums" data-testid="speech-cost">
            {formatCost(speech.cost)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Characters</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{formatNumber(speech.characters_used)}</dd>
        </div>
      </dl>
      <p role="status" className="text-xs text-slate-600">
        {speech.cached
          ? "From the cache: the same text, voice and settings were generated before, so this cost nothing."
          : "Generated now. Generating the same again comes from the cache, instantly and at no cost."}
      </p>
      {speech.ignored_settings.length ? (
        <p className="text-xs text-slate-600">Not used by this voice: {speech.ignored_settings.join(", ")}.</p>
      ) : null}
    </section>
  );
}
