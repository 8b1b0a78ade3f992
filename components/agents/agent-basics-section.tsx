"use client";

import Link from "next/link";
import { useMemo } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { renderTemplate } from "@/lib/agents/templates";
import { useVoices } from "@/components/voices/hooks/use-voices";
import type { Voice } from "@/components/voices/types";
import { baseLanguage, languageGroups, languageName } from "@/components/voices/voice-labels";
import { Card } from "@/components/ui/card";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import type { AgentFormInput } from "@/components/agents/agent-form-schema";
import { useEditorContext, useFieldError } from "@/components/agents/form-context";
import { SpeakButton } from "@/components/agents/speak-button";
import { SectionLegend } from "@/components/agents/section-legend";
import { VOICE_DIRECTORY } from "@/components/agents/voice-directory";

/** Stand-ins for the preview, so "Hi {{lead.first_name}}" is heard the way a call says it. */
const SAMPLE_LEAD = { "lead.first_name": "Alex", "lead.last_name": "Morgan", "lead.company": "Northwind" };

export function AgentBasicsSection() {
  const { register } = useFormContext<AgentFormInput>();
  const { readOnly } = useEditorContext();
  const [name, language, voiceId, firstMessage] = useWatch<AgentFormInput, ["name", "language", "voice_id", "first_message"]>({
    name: ["name", "language", "voice_id", "first_message"],
  });
  const voices = useVoices(VOICE_DIRECTORY, { poll: false });
  const ready = useMemo(() => (voices.data?.data ?? []).filter((v) => v.status === "ready"), [voices.data]);
  const voice = ready.find((v) => v.id === voiceId);
  const languages = useMemo(() => languageGroups([...ready.map((v) => v.language), language].filter(Boolean)), [ready, language]);
  const byLanguage = useMemo(() => groupVoices(ready), [ready]);

  const nameError = useFieldError("name");
  const descriptionError = useFieldError("description");
  const languageError = useFieldError("language");
  const voiceError = useFieldError("voice_id");
  const mismatch = voice && language && baseLanguage(voice.language) !== baseLanguage(language);
  const voiceHint = voices.isError
    ? "The voice library could not be loaded."
    : mismatch
      ? `${voice.name} speaks ${languageName(voice.language)}, not ${languageName(language)}.`
      : "Built-in voices and your organization's clones.";
  const preview = renderTemplate(firstMessage ?? "", { ...SAMPLE_LEAD, "agent.name": name });

  return (
    <Card>
      <fieldset className="space-y-5">
        <SectionLegend title="Basics" />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="agent-name" label="Name" hint="Also how the agent introduces itself: {{agent.name}}." error={nameError}>
            <Input autoComplete="off" maxLength={100} readOnly={readOnly} {...fieldAria("agent-name", nameError, "hint")} {...register("name")} />
          </Field>
          <Field id="agent-language" label="Language" error={languageError}>
            {/* Controlled: the options arrive with the voice library, after the form has its value. */}
            <Controller<AgentFormInput, "language">
              name="language"
              render={({ field }) => (
                <Select
                  disabled={readOnly}
                  {...fieldAria("agent-language", languageError)}
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                >
                  {languages.map((group) => (
                    <optgroup key={group.base} label={group.name}>
                      {(group.tags.length && language !== group.base ? group.tags : [group.base, ...group.tags]).map((tag) => (
                        <option key={tag} value={tag}>
                          {`${languageName(tag)} (${tag})`}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              )}
            />
          </Field>
        </div>
        <Field id="agent-description" label="Description" hint="Optional. Only your team sees it." error={descriptionError}>
          <Textarea rows={2} maxLength={2000} readOnly={readOnly} {...fieldAria("agent-description", descriptionError, "hint")} {...register("description")} />
        </Field>
        <div className="grid items-start gap-5 sm:grid-cols-2">
          <Field id="agent-voice" label="Voice" hint={voiceHint} error={voiceError}>
            <Controller<AgentFormInput, "voice_id">
              name="voice_id"
              render={({ field }) => (
                <Select
                  disabled={readOnly || voices.isPending}
                  {...fieldAria("agent-voice", voiceError, voiceHint)}
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                >
                  <option value="">{voices.isPending ? "Loading voices…" : "Choose a voice"}</option>
                  {voiceId && !voice && !voices.isPending ? <option value={voiceId}>{`Current voice (${voiceId})`}</option> : null}
                  {byLanguage.map(([tag, list]) => (
                    <optgroup key={tag} label={`${languageName(tag)} (${tag})`}>
                      {list.map((v) => (
                        <option key={v.id} value={v.id}>
                          {v.owned ? `${v.name} (your clone)` : v.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              )}
            />
          </Field>
          <div className="space-y-1.5 sm:pt-6">
            <SpeakButton text={preview} voiceId={voiceId} label="the first message" showLabel />
            <p className="text-xs text-slate-500">
              {firstMessage?.trim() ? (
                <>Hear the first message in this voice, as said to a lead named Alex.</>
              ) : (
                <>Type the first message below to hear it in this voice.</>
              )}{" "}
              <Link href="/voices" className="font-medium text-brand-700 hover:underline">
                Browse voices
              </Link>
            </p>
          </div>
        </div>
      </fieldset>
    </Card>
  );
}

function groupVoices(voices: Voice[]): [string, Voice[]][] {
  const groups = new Map<string, Voice[]>();
  for (const voice of voices) groups.set(voice.language, [...(groups.get(voice.language) ?? []), voice]);
  return [...groups.entries()].sort(([a], [b]) => languageName(a).localeCompare(languageName(b)));
}
