"use client";

// Records the speaker in the browser: MediaRecorder for the file (WebM or OGG with Opus, which the
// clone endpoint takes), an AnalyserNode on the same stream for a live level meter, and a timer.
// Stop → the recording is previewed here and handed to the form.
import { useEffect, useRef, useState } from "react";
import { formatClock } from "@/components/voices/voice-labels";
import { AudioPlayer } from "@/components/voices/audio-player";
import { MicIcon, StopIcon } from "@/components/ui/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type Recording = { file: File; seconds: number };

/** Longer adds little to a clone and only makes the upload slower. */
const MAX_SECONDS = 5 * 60;
/** Shorter than this rarely has enough speech for a clone. */
export const SUGGESTED_MIN_SECONDS = 10;
/** Below this level (0–1) for the first seconds, the microphone is probably muted or too far away. */
const QUIET_LEVEL = 0.15;
const QUIET_AFTER_SECONDS = 3;

/** Container formats the clone endpoint reads; Safari's MP4/AAC is not one of them. */
const MIME_TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/ogg"];

function supportedMimeType(): string | null {
  if (typeof MediaRecorder === "undefined") return null;
  return MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

type State = "idle" | "starting" | "recording" | "recorded";

type Live = {
  stream: MediaStream;
  recorder: MediaRecorder;
  context: AudioContext;
  frame: number;
  timer: ReturnType<typeof setInterval> | null;
  startedAt: number;
  loudest: number;
  discard: boolean;
};

export function VoiceRecorder({ onChange, disabled }: { onChange: (recording: Recording | null) => void; disabled?: boolean }) {
  const [state, setState] = useState<State>("idle");
  const [error, setError] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [tooQuiet, setTooQuiet] = useState(false);
  const [preview, setPreview] = useState<{ url: string; seconds: number } | null>(null);
  const live = useRef<Live | null>(null);
  const meterRef = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Leaving (dialog closed) stops the microphone and drops the recording in progress.
  useEffect(
    () => () => {
      const current = live.current;
      if (current) {
        current.discard = true;
        stopEverything(current);
        if (current.recorder.state !== "inactive") current.recorder.stop();
      }
    },
    [],
  );
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  function stopEverything(current: Live) {
    cancelAnimationFrame(current.frame);
    if (current.timer) clearInterval(current.timer);
    for (const track of current.stream.getTracks()) track.stop();
    void current.context.close().catch(() => undefined);
  }

  async function start() {
    setError(null);
    setTooQuiet(false);
    const mimeType = supportedMimeType();
    if (!navigator.mediaDevices?.getUserMedia || !mimeType) {
      setError("This browser cannot record in a format the library takes. Upload a WAV, MP3, OGG or WebM file instead.");
      return;
    }
    setState("starting");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (reason) {
      setState("idle");
      const name = reason instanceof DOMException ? reason.name : "";
      setError(
        name === "NotAllowedError" || name === "SecurityError"
          ? "The browser was not allowed to use the microphone. Allow it in the site settings (next to the address) and try again."
          : name === "NotFoundError"
            ? "No microphone was found. Connect one, or upload a recording instead."
            : "The microphone could not be started. Close other apps that use it and try again.",
      );
      return;
    }

    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const recorder = new MediaRecorder(stream, { mimeType });
    const chunks: Blob[] = [];
    const current: Live = { stream, recorder, context, frame: 0, timer: null, startedAt: performance.now(), loudest: 0, discard: false };
    live.current = current;

    const draw = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const rms = Math.sqrt(sum / samples.length);
      // -60 dBFS (silence) … 0 dBFS (full scale) onto 0 … 1.
      const level = Math.min(1, Math.max(0, (20 * Math.log10(rms || 1e-9) + 60) / 60));
      current.loudest = Math.max(current.loudest, level);
      if (meterRef.current) meterRef.current.style.width = `${Math.round(level * 100)}%`;
      current.frame = requestAnimationFrame(draw);
    };
    current.frame = requestAnimationFrame(draw);

    current.timer = setInterval(() => {
      const seconds = (performance.now() - current.startedAt) / 1000;
      setElapsed(seconds);
      setTooQuiet(seconds >= QUIET_AFTER_SECONDS && current.loudest < QUIET_LEVEL);
      if (seconds >= MAX_SECONDS) stop();
    }, 200);

    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      stopEverything(current);
      live.current = null;
      if (current.discard) return;
      const seconds = (performance.now() - current.startedAt) / 1000;
      const type = (recorder.mimeType || mimeType).split(";")[0]!;
      const blob = new Blob(chunks, { type });
      const file = new File([blob], `recording.${type.includes("ogg") ? "ogg" : "webm"}`, { type });
      setPreview({ url: URL.createObjectURL(blob), seconds });
      setState("recorded");
      onChangeRef.current({ file, seconds });
    };
    recorder.start(1_000);
    setElapsed(0);
    setState("recording");
  }

  function stop() {
    const current = live.current;
    if (current && current.recorder.state !== "inactive") current.recorder.stop();
  }

  function again() {
    setPreview(null);
    setElapsed(0);
    setState("idle");
    onChangeRef.current(null);
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="voice-recorder">
      {state === "recorded" && preview ? (
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-900">Your recording</p>
          <AudioPlayer src={preview.url} label="your recording" preload="metadata" knownDuration={preview.seconds} audioTestId="recording-audio" />
          {preview.seconds < SUGGESTED_MIN_SECONDS ? (
            <Alert tone="warning">
              That is only {formatClock(preview.seconds)}. Clones need at least {SUGGESTED_MIN_SECONDS} seconds of speech; 30 seconds to a minute works best.
            </Alert>
          ) : null}
          <Button variant="secondary" size="sm" onClick={again} disabled={disabled}>
            <MicIcon className="size-4" />
            Record again
          </Button>
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            Ask the speaker to read naturally, in a quiet room, for 30 seconds to a minute. For example: <q className="text-slate-800">
              Hello, thanks for taking my call. I&apos;m reaching out about your account and a few options that could save you time and money. Is now a good moment to talk for a minute?
            </q>
          </p>
          <div className="flex items-center gap-3">
            {state === "recording" ? (
              <Button variant="danger" onClick={stop}>
                <StopIcon className="size-4" />
                Stop
              </Button>
            ) : (
              <Button variant="secondary" onClick={start} pending={state === "starting"} disabled={disabled}>
                <MicIcon className="size-4" />
                Start recording
              </Button>
            )}
            <span className="flex items-center gap-2 text-sm font-medium text-slate-900 tabular-nums" data-testid="recording-timer">
              {state === "recording" ? <span aria-hidden="true" className="size-2.5 animate-pulse rounded-full bg-red-600" /> : null}
              {formatClock(elapsed)}
            </span>
          </div>
          <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-200" data-testid="level-meter">
            <div
              ref={meterRef}
              className="h-full rounded-full bg-emerald-500 transition-[width] duration-75"
              style={{ width: "0%" }}
            />
          </div>
          <p role="status" className="text-xs text-slate-500">
            {state === "recording"
              ? tooQuiet
                ? "We can hardly hear anything. Check that the right microphone is selected and not muted."
                : "Recording… press Stop when you are done."
              : state === "starting"
                ? "Waiting for the microphone…"
                : "The level meter moves while you speak."}
          </p>
        </div>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
