"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { MAX_CLONE_BYTES, VOICE_CATEGORIES, VOICE_GENDERS, cloneVoiceFieldsSchema } from "@/lib/voice/schemas";
import { ApiClientError } from "@/lib/client/api-client";
import { applyApiErrors } from "@/lib/client/form-errors";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { formatBytes, formatPercent } from "@/lib/client/format";
import type { UploadProgress } from "@/lib/client/upload";
import { useCloneVoice } from "@/components/voices/hooks/use-clone-voice";
import type { CloneStarted, CloneVoiceFieldsInput, CloneVoiceFieldsOutput, VoiceProvider } from "@/components/voices/types";
import { CATEGORY_LABELS, COMMON_LANGUAGE_TAGS, GENDER_LABELS, PROVIDER_LABELS, languageName } from "@/components/voices/voice-labels";
import { AudioPlayer } from "@/components/voices/audio-player";
import { VoiceRecorder, type Recording } from "@/components/voices/voice-recorder";
import { MicIcon, UploadIcon } from "@/components/ui/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress";
import { cn } from "@/lib/client/cn";

/** What the clone endpoint reads (it checks the bytes; this only catches the obvious mistakes early). */
const ACCEPT = ".wav,.mp3,.ogg,.oga,.opus,.webm,audio/wav,audio/x-wav,audio/mpeg,audio/ogg,audio/webm";
const AUDIO_NAME = /\.(wav|mp3|ogg|oga|opus|webm)$/i;
const AUDIO_TYPE = /^audio\/(wav|x-wav|wave|vnd\.wave|mpeg|mp3|ogg|opus|webm)$/i;

type Source = "upload" | "record";

export function CloneVoiceDialog({
  open,
  onClose,
  onStarted,
  providers,
  libraryLanguages,
}: {
  open: boolean;
  onClose: () => void;
  onStarted: (started: CloneStarted, name: string) => void;
  /** Engines this deployment has (ElevenLabs only when configured). */
  providers: VoiceProvider[];
  /** Languages already in the library, offered with the common ones. */
  libraryLanguages: string[];
}) {
  const abortRef = useRef<AbortController | null>(null);
  const close = () => {
    // Closing while the upload runs cancels it.
    abortRef.current?.abort();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Clone a voice"
      description="Upload or record someone speaking. The voice learns in the background and appears in the library when it is ready."
    >
      {open ? (
        <CloneVoiceForm abortRef={abortRef} onCancel={close} onStarted={onStarted} providers={providers} libraryLanguages={libraryLanguages} />
      ) : null}
    </Dialog>
  );
}

function CloneVoiceForm({
  abortRef,
  onCancel,
  onStarted,
  providers,
  libraryLanguages,
}: {
  abortRef: React.RefObject<AbortController | null>;
  onCancel: () => void;
  onStarted: (started: CloneStarted, name: string) => void;
  providers: VoiceProvider[];
  libraryLanguages: string[];
}) {
  const ids = useId();
  const [source, setSource] = useState<Source>("upload");
  const [upload, setUpload] = useState<File | null>(null);
  const [uploadUrl, setUploadUrl] = useState<string | null>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const clone = useCloneVoice(setProgress);
  const file = source === "upload" ? upload : (recording?.file ?? null);

  useEffect(() => () => (uploadUrl ? URL.revokeObjectURL(uploadUrl) : undefined), [uploadUrl]);

  const defaultProvider: VoiceProvider = providers.includes("elevenlabs") ? "elevenlabs" : "builtin";
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CloneVoiceFieldsInput, unknown, CloneVoiceFieldsOutput>({
    // The API's own schema, so the form asks for exactly what POST /api/voice/clone does.
    resolver: zodResolver(cloneVoiceFieldsSchema, { error: formErrorMessages }),
    defaultValues: { voice_name: "", description: "", consent: undefined, language: "en-US", gender: undefined, category: "conversational", provider: undefined },
  });
  const provider = useWatch({ control, name: "provider" }) ?? defaultProvider;

  const languages = useMemo(() => {
    const tags = new Set<string>([...COMMON_LANGUAGE_TAGS, ...libraryLanguages]);
    return [...tags].map((tag) => ({ tag, name: languageName(tag) })).sort((a, b) => a.name.localeCompare(b.name));
  }, [libraryLanguages]);

  function chooseFile(next: File | null) {
    setFileError(null);
    setFormError(null);
    clone.reset();
    setUpload(next);
    setUploadUrl(next ? URL.createObjectURL(next) : null);
    if (!next) return;
    if (!AUDIO_NAME.test(next.name) && !AUDIO_TYPE.test(next.type)) {
      setFileError("Choose a WAV, MP3, OGG or WebM recording.");
    } else if (next.size > MAX_CLONE_BYTES) {
      setFileError(`The file is ${formatBytes(next.size)}; the limit is ${formatBytes(MAX_CLONE_BYTES)}. A minute of speech is plenty.`);
    } else if (next.size === 0) {
      setFileError("The file is empty.");
    }
  }

  function fileProblem(): string | null {
    if (!file) return source === "upload" ? "Choose a recording of the speaker." : "Record the speaker first.";
    if (source === "upload" && fileError) return fileError;
    if (file.size > MAX_CLONE_BYTES) return `The recording is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_CLONE_BYTES)}.`;
    return null;
  }

  async function submitValues(values: CloneVoiceFieldsOutput) {
    const problem = fileProblem();
    if (problem || !file) {
      setFileError(problem);
      return;
    }
    setFormError(null);
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ loaded: 0, total: file.size });
    try {
      const started = await clone.mutateAsync({ fields: values, file, signal: controller.signal });
      onStarted(started, values.voice_name);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      const fileField = error instanceof ApiClientError ? error.fields.find((f) => f.field === "audio_file") : undefined;
      if (fileField) setFileError(fileField.message);
      const rest = applyApiErrors(error, setError, {
        voice_name: "voice_name",
        description: "description",
        consent: "consent",
        language: "language",
        gender: "gender",
        category: "category",
        provider: "provider",
      });
      setFormError(fileField && error instanceof ApiClientError && error.fields.length === 1 ? null : rest);
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  }

  const onSubmit = (event: React.FormEvent) => handleSubmit(submitValues, () => setFileError(fileProblem()))(event);

  const busy = isSubmitting || clone.isPending;
  const fileErrorId = `${ids}-file-error`;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="clone-voice-form">
      {formError ? (
        <Alert tone="error" title="The voice was not cloned" data-testid="clone-error">
          {formError}
        </Alert>
      ) : null}

      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-700">Recording</legend>
        <div className="grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1" role="radiogroup" aria-label="How to provide the recording">
          {(
            [
              { value: "upload", label: "Upload a file", icon: UploadIcon },
              { value: "record", label: "Record", icon: MicIcon },
            ] as const
          ).map((option) => (
            <label
              key={option.value}
              className={cn(
                "flex cursor-pointer items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-brand-500 has-[:focus-visible]:outline-solid",
                source === option.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              <input
                type="radio"
                name={`${ids}-source`}
                value={option.value}
                checked={source === option.value}
                disabled={busy}
                onChange={() => {
                  setSource(option.value);
                  setFileError(null);
                }}
                className="sr-only"
              />
              <option.icon className="size-4" />
              {option.label}
            </label>
          ))}
        </div>

        {/* Both stay mounted, so switching back keeps the chosen file or the recording. */}
        <div className="space-y-2" hidden={source !== "upload"}>
            <label htmlFor={`${ids}-file`} className="sr-only">
              Recording file
            </label>
            <input
              id={`${ids}-file`}
              type="file"
              accept={ACCEPT}
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? fileErrorId : `${ids}-file-hint`}
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
              className="block w-full text-sm text-slate-700 file:mr-3 file:h-10 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
            />
            <p id={`${ids}-file-hint`} className="text-xs text-slate-500">
              WAV, MP3, OGG or WebM, up to {formatBytes(MAX_CLONE_BYTES)}: 30 seconds to a minute of one person speaking clearly.
            </p>
            {upload && uploadUrl && !fileError ? (
              <div className="space-y-1 rounded-lg border border-slate-200 p-3">
                <p className="truncate text-xs text-slate-600">{`${upload.name} · ${formatBytes(upload.size)}`}</p>
                <AudioPlayer src={uploadUrl} label="the chosen recording" preload="metadata" audioTestId="upload-audio" />
              </div>
            ) : null}
        </div>
        <div hidden={source !== "record"}>
          <VoiceRecorder
            disabled={busy}
            onChange={(next) => {
              setRecording(next);
              setFileError(null);
            }}
          />
        </div>
        {fileError ? (
          <p id={fileErrorId} className="text-xs font-medium text-red-600" data-testid="clone-file-error">
            {fileError}
          </p>
        ) : null}
      </fieldset>

      <Field id={`${ids}-name`} label="Voice name" error={errors.voice_name?.message}>
        <Input autoComplete="off" maxLength={80} {...fieldAria(`${ids}-name`, errors.voice_name?.message)} {...register("voice_name")} />
      </Field>
      <Field id={`${ids}-description`} label="Description (optional)" error={errors.description?.message}>
        <Textarea rows={2} maxLength={500} {...fieldAria(`${ids}-description`, errors.description?.message)} {...register("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${ids}-language`} label="Language spoken" error={errors.language?.message} className="sm:col-span-2">
          <Select {...fieldAria(`${ids}-language`, errors.language?.message)} {...register("language")}>
            {languages.map(({ tag, name }) => (
              <option key={tag} value={tag}>
                {`${name} (${tag})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${ids}-category`} label="Style" error={errors.category?.message}>
          <Select {...fieldAria(`${ids}-category`, errors.category?.message)} {...register("category")}>
            {VOICE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CATEGORY_LABELS[category]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${ids}-gender`} label="Gender" error={errors.gender?.message}>
          <Select
            {...fieldAria(`${ids}-gender`, errors.gender?.message)}
            {...register("gender", { setValueAs: (value: string) => value || undefined })}
          >
            <option value="">{provider === "builtin" ? "From the recording" : "Not specified"}</option>
            {VOICE_GENDERS.map((gender) => (
              <option key={gender} value={gender}>
                {GENDER_LABELS[gender]}
              </option>
            ))}
          </Select>
        </Field>
        {providers.length > 1 ? (
          <Field id={`${ids}-provider`} label="Engine" error={errors.provider?.message}>
            <Select
              {...fieldAria(`${ids}-provider`, errors.provider?.message)}
              {...register("provider", { setValueAs: (value: string) => value || undefined })}
            >
              <option value="">{PROVIDER_LABELS[defaultProvider]} (default)</option>
              {providers
                .filter((p) => p !== defaultProvider)
                .map((p) => (
                  <option key={p} value={p}>
                    {PROVIDER_LABELS[p]}
                  </option>
                ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">
        {provider === "elevenlabs"
          ? "ElevenLabs makes an instant clone of the speaker's voice."
          : "The built-in engine measures the speaker's pitch and pace and speaks with them; it does not copy the timbre of their voice."}
      </p>

      <div className="rounded-lg border border-amber-200 bg-amber-50/60 p-4">
        <Controller
          control={control}
          name="consent"
          render={({ field }) => (
            <CheckboxField
              id={`${ids}-consent`}
              ref={field.ref}
              name={field.name}
              onBlur={field.onBlur}
              checked={field.value === "true"}
              onChange={(event) => field.onChange(event.target.checked ? "true" : undefined)}
              disabled={busy}
              // The schema's message speaks to API callers ("consent=true"); the form says it in words.
              error={errors.consent ? "Tick the box to confirm the speaker’s permission. A voice cannot be cloned without it." : undefined}
              label="The speaker agreed to have their voice cloned"
              hint="Only clone someone's voice with their permission, for calls they know about. Your confirmation is recorded with your name and the time in the audit log."
            />
          )}
        />
      </div>

      {progress ? (
        <div className="space-y-1" data-testid="clone-upload-progress">
          <ProgressBar
            value={progress.total ? (progress.loaded / progress.total) * 100 : 0}
            label="Uploading the recording"
            valueText={`${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`}
          />
          <p className="text-xs text-slate-600 tabular-nums">
            Uploading… {formatPercent(progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0)}
          </p>
        </div>
      ) : null}

      <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {busy ? "Cancel upload" : "Cancel"}
        </Button>
        <Button type="submit" pending={busy}>
          Clone voice
        </Button>
      </div>
    </form>
  );
}
