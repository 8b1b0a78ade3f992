"use client";

// A compact player for a sample, a generated clip or a recording: play/pause, a seek slider and the
// time. Starting one player pauses every other one on the page, so two voices never talk at once.
import { useRef, useState } from "react";
import { cn } from "@/lib/client/cn";
import { formatClock } from "@/components/voices/voice-labels";
import { PauseIcon, PlayIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";

/** Signed links change on every read (a new expiry); the same object keeps its first link, so a
 *  refetch does not restart what is playing. */
function sameObject(a: string, b: string): boolean {
  try {
    const x = new URL(a, "http://local");
    const y = new URL(b, "http://local");
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return a === b;
  }
}

export function AudioPlayer({
  src,
  label,
  knownDuration,
  preload = "none",
  className,
  audioTestId,
}: {
  src: string;
  /** What plays, for the buttons' names: "Ava's sample". */
  label: string;
  /** Seconds, when the file does not say (a browser recording's WebM has no duration). */
  knownDuration?: number;
  preload?: "none" | "metadata";
  className?: string;
  audioTestId?: string;
}) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [source, setSource] = useState(src);
  const [playing, setPlaying] = useState(false);
  const [buffering, setBuffering] = useState(false);
  const [current, setCurrent] = useState(0);
  const [mediaDuration, setMediaDuration] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (src !== source && !sameObject(src, source)) {
    // Another file: start over.
    setSource(src);
    setPlaying(false);
    setBuffering(false);
    setCurrent(0);
    setMediaDuration(null);
    setError(null);
  }

  const duration = mediaDuration ?? (knownDuration !== undefined && knownDuration > 0 ? knownDuration : null);

  function toggle() {
    const audio = audioRef.current;
    if (!audio) return;
    if (!audio.paused) {
      audio.pause();
      return;
    }
    setError(null);
    setBuffering(audio.readyState < HTMLMediaElement.HAVE_FUTURE_DATA);
    audio.play().catch((reason: unknown) => {
      setBuffering(false);
      // A pause (or another player starting) before playback began is not a failure.
      if (reason instanceof DOMException && reason.name === "AbortError") return;
      setError("This audio could not be played.");
    });
  }

  function readDuration(audio: HTMLAudioElement) {
    setMediaDuration(Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : null);
  }

  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={toggle}
          aria-label={`${playing ? "Pause" : "Play"} ${label}`}
          className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white shadow-sm transition-colors hover:bg-brand-700"
        >
          {buffering ? <Spinner /> : playing ? <PauseIcon className="size-4" /> : <PlayIcon className="size-4" />}
        </button>
        <input
          type="range"
          min={0}
          max={duration ?? 0}
          step="any"
          value={Math.min(current, duration ?? current)}
          disabled={duration === null}
          aria-label={`Position in ${label}`}
          aria-valuetext={duration === null ? formatClock(current) : `${formatClock(current)} of ${formatClock(duration)}`}
          onChange={(event) => {
            const audio = audioRef.current;
            if (!audio) return;
            audio.currentTime = Number(event.target.value);
            setCurrent(audio.currentTime);
          }}
          className="h-1.5 min-w-0 flex-1 cursor-pointer accent-brand-600 disabled:cursor-default"
        />
        <span className="shrink-0 text-xs text-slate-600 tabular-nums">
          {formatClock(current)}
          {duration !== null ? ` / ${formatClock(duration)}` : null}
        </span>
      </div>
      {error ? (
        <p className="text-xs font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      <audio
        ref={audioRef}
        src={source}
        preload={preload}
        data-testid={audioTestId}
        onPlay={(event) => {
          const self = event.currentTarget;
          for (const other of document.querySelectorAll("audio")) if (other !== self && !other.paused) other.pause();
          setPlaying(true);
        }}
        onPlaying={() => setBuffering(false)}
        onWaiting={() => setBuffering(true)}
        onPause={() => {
          setPlaying(false);
          setBuffering(false);
        }}
        onEnded={(event) => {
          setPlaying(false);
          setCurrent(event.currentTarget.duration || 0);
        }}
        onTimeUpdate={(event) => setCurrent(event.currentTarget.currentTime)}
        onLoadedMetadata={(event) => readDuration(event.currentTarget)}
        onDurationChange={(event) => readDuration(event.currentTarget)}
        onError={() => {
          setPlaying(false);
          setBuffering(false);
          setError("This audio could not be loaded.");
        }}
      />
    </div>
  );
}
