"use client";

// ▶ for a line the agent says: speaks it in the agent's voice (POST /api/voice/generate, cached by the
// server, so a second play costs nothing) and plays it. Like the voice library's players, starting one
// pauses every other audio on the page.
import { useRef, useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { useGenerateSpeech } from "@/components/voices/hooks/use-generate-speech";
import { PauseIcon, PlayIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";

export function SpeakButton({
  text,
  voiceId,
  label,
  className,
  showLabel = false,
}: {
  text: string;
  voiceId: string;
  /** Names what plays: "Play the first message". */
  label: string;
  className?: string;
  showLabel?: boolean;
}) {
  const generate = useGenerateSpeech();
  const audioRef = useRef<HTMLAudioElement>(null);
  const [spoken, setSpoken] = useState<{ key: string; url: string } | null>(null);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = `${voiceId}\n${text}`;
  const disabled = !voiceId || !text.trim();

  function play(url: string) {
    const audio = audioRef.current;
    if (!audio) return;
    if (audio.getAttribute("src") !== url) audio.src = url;
    audio.play().catch((reason: unknown) => {
      if (reason instanceof DOMException && reason.name === "AbortError") return;
      setError("This audio could not be played.");
    });
  }

  function toggle() {
    const audio = audioRef.current;
    if (audio && !audio.paused) {
      audio.pause();
      return;
    }
    setError(null);
    if (spoken?.key === key) {
      play(spoken.url);
      return;
    }
    generate.mutate(
      { text, voice_id: voiceId },
      {
        onSuccess: (speech) => {
          setSpoken({ key, url: speech.audio_url });
          play(speech.audio_url);
        },
        onError: (failure) => setError(errorMessage(failure)),
      },
    );
  }

  const name = `${playing ? "Pause" : "Play"} ${label}`;
  return (
    <span className={cn("inline-flex flex-col items-start gap-1", className)}>
      <button
        type="button"
        onClick={toggle}
        disabled={disabled || generate.isPending}
        aria-label={showLabel ? undefined : name}
        title={disabled ? "Nothing to play yet" : name}
        className={cn(
          "inline-flex items-center gap-1.5 rounded-full text-brand-700 transition-colors hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent",
          showLabel ? "border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm" : "size-7 justify-center",
        )}
      >
        {generate.isPending ? <Spinner /> : playing ? <PauseIcon className="size-4" /> : <PlayIcon className="size-4" />}
        {showLabel ? name : null}
      </button>
      {error ? (
        <span role="alert" className="text-xs font-medium text-red-600">
          {error}
        </span>
      ) : null}
      <audio
        ref={audioRef}
        preload="none"
        data-testid="speak-audio"
        onPlay={(event) => {
          const self = event.currentTarget;
          for (const other of document.querySelectorAll("audio")) if (other !== self && !other.paused) other.pause();
          setPlaying(true);
        }}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => {
          setPlaying(false);
          if (audioRef.current?.getAttribute("src")) setError("This audio could not be loaded.");
        }}
      />
    </span>
  );
}
