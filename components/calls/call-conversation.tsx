"use client";

// The recording beside its transcript (stacked on a phone). While it plays, the line being heard is
// highlighted and kept in view; a line is a button that plays the recording from where it starts.
// While the call is on, the transcript grows as the detail polls, following the newest line unless
// the reader has scrolled up.
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/client/cn";
import { Spinner } from "@/components/ui/spinner";
import { isActiveStatus } from "@/components/calls/call-labels";
import { formatDuration, spokenDuration } from "@/components/calls/call-format";
import { activeSegmentIndex, recordingState, sameRecording, type RecordingState } from "@/components/calls/call-media";
import type { Call, TranscriptSegment } from "@/components/calls/types";

/** Within this many pixels of the bottom, the live transcript keeps following new lines. */
const FOLLOW_SLACK_PX = 48;

export function CallConversation({
  call,
  fetchedAt,
}: {
  call: Call;
  /** When this copy of the call was read: "now" for whether its recording may still come. */
  fetchedAt: number;
}) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);
  // The first signed link of this recording: polling hands out new links to the same object.
  const [src, setSrc] = useState<string | null>(call.recording_url);
  if (call.recording_url && (!src || !sameRecording(src, call.recording_url))) setSrc(call.recording_url);
  // null until the recording is played or a line is picked: nothing is highlighted before.
  const [time, setTime] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);

  const state = src ? "ready" : recordingState(call, fetchedAt);
  const segments = call.transcript;
  const active = time === null ? -1 : activeSegmentIndex(segments, time);
  const live = isActiveStatus(call.status);

  // Keep the line being heard in view while the recording plays.
  useEffect(() => {
    if (!playing || active < 0) return;
    const line = scrollRef.current?.querySelector<HTMLElement>(`[data-segment="${active}"]`);
    line?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [active, playing]);

  // Live: follow new lines, unless the reader scrolled up to read.
  useEffect(() => {
    const box = scrollRef.current;
    if (!live || !box || !followRef.current) return;
    box.scrollTop = box.scrollHeight;
  }, [live, segments.length]);

  function playFrom(segment: TranscriptSegment) {
    const audio = audioRef.current;
    if (!audio) return;
    audio.currentTime = segment.start;
    setTime(segment.start);
    audio.play().catch(() => {
      // Interrupted (another seek, a pause) or refused by the browser: the line stays selected.
    });
  }

  return (
    <section aria-labelledby="conversation-heading" data-testid="call-conversation" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-200 px-5 py-4 sm:px-6">
        <h2 id="conversation-heading" className="text-lg font-semibold text-slate-900">
          Conversation
        </h2>
        <p className="text-sm text-slate-600">
          {state === "ready" ? "Play the recording, or pick a line to hear it." : "The transcript of what the agent and the lead said."}
        </p>
      </div>
      <div className="grid lg:grid-cols-[22rem_minmax(0,1fr)]">
        <div className="border-b border-slate-200 p-4 sm:px-6 sm:py-5 lg:border-r lg:border-b-0">
          <RecordingPanel
            state={state}
            src={src}
            audioRef={audioRef}
            call={call}
            onTime={(t) => setTime(t)}
            onPlaying={setPlaying}
          />
        </div>
        <div className="min-w-0">
          <h3 className="sr-only">Transcript</h3>
          <div
            ref={scrollRef}
            onScroll={(event) => {
              const box = event.currentTarget;
              followRef.current = box.scrollHeight - box.scrollTop - box.clientHeight < FOLLOW_SLACK_PX;
            }}
            className="max-h-[26rem] overflow-y-auto overscroll-contain p-4 sm:px-6 lg:max-h-[32rem]"
            data-testid="call-transcript"
            aria-live={live ? "polite" : undefined}
            aria-relevant={live ? "additions" : undefined}
          >
            {segments.length === 0 ? (
              <EmptyTranscript call={call} />
            ) : (
              <ol className="space-y-2">
                {segments.map((segment, index) => (
                  <TranscriptLine
                    key={`${index}-${segment.start}`}
                    index={index}
                    segment={segment}
                    active={index === active}
                    playing={playing}
                    onPick={state === "ready" ? () => playFrom(segment) : null}
                  />
                ))}
                {live ? <ListeningItem /> : null}
              </ol>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

function TranscriptLine({
  index,
  segment,
  active,
  playing,
  onPick,
}: {
  index: number;
  segment: TranscriptSegment;
  active: boolean;
  /** Whether the recording is playing (the active line then says so). */
  playing: boolean;
  /** null while there is no recording to play: the line is then plain text. */
  onPick: (() => void) | null;
}) {
  const agent = segment.speaker === "agent";
  const body = (
    <>
      <span className="flex items-baseline justify-between gap-3 text-xs">
        <span className={cn("font-semibold", agent ? "text-brand-700" : "text-emerald-700")}>
          {agent ? "Agent" : "Lead"}
          {active && playing ? (
            <span className="ml-2 inline-flex items-center gap-1 rounded-full bg-white/80 px-1.5 py-px text-[0.6875rem] font-medium text-slate-700" data-testid="transcript-playing">
              <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden="true" />
              Playing
            </span>
          ) : null}
        </span>
        <span className="text-slate-500 tabular-nums">{formatDuration(segment.start)}</span>
      </span>
      <span className="mt-0.5 block text-sm break-words whitespace-pre-line text-slate-800">{segment.text}</span>
    </>
  );
  const look = cn(
    "block w-full rounded-lg border px-3 py-2 text-left transition-colors",
    agent ? "border-brand-100 bg-brand-50/60" : "border-emerald-100 bg-emerald-50/60",
    // The line being heard: filled and edged on the speaker's side (the focus ring stays the browser's outline).
    active && (agent ? "border-brand-300 border-l-4 border-l-brand-600 bg-brand-100" : "border-emerald-300 border-r-4 border-r-emerald-600 bg-emerald-100"),
  );
  return (
    <li className={cn("flex", agent ? "justify-start pr-6 sm:pr-12" : "justify-end pl-6 sm:pl-12")} data-testid="transcript-line" data-speaker={segment.speaker}>
      {onPick ? (
        <button
          type="button"
          data-segment={index}
          aria-current={active ? "true" : undefined}
          onClick={onPick}
          className={cn(look, !active && "hover:border-slate-300 hover:bg-white", "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500")}
        >
          <span className="sr-only">Play from {spokenDuration(segment.start)}: </span>
          {body}
        </button>
      ) : (
        <div data-segment={index} className={look}>
          {body}
        </div>
      )}
    </li>
  );
}

function EmptyTranscript({ call }: { call: Call }) {
  if (isActiveStatus(call.status)) {
    return (
      <p className="flex items-center gap-2 py-6 text-sm text-slate-600" data-testid="transcript-empty">
        <Spinner className="text-brand-600" />
        {call.status === "in_progress" ? "Waiting for the first words…" : "The transcript starts when the call is answered."}
      </p>
    );
  }
  if (call.transcription) {
    // Calls from before per-line transcripts keep only the full text.
    return <p className="py-2 text-sm whitespace-pre-line text-slate-800">{call.transcription}</p>;
  }
  return (
    <div className="py-6 text-sm text-slate-600" data-testid="transcript-empty">
      <p className="font-medium text-slate-900">No transcript</p>
      <p className="mt-1">{call.answered_at ? "Nothing was transcribed for this call." : "The call was never answered, so nothing was said."}</p>
    </div>
  );
}

function RecordingPanel({
  state,
  src,
  audioRef,
  call,
  onTime,
  onPlaying,
}: {
  state: RecordingState;
  src: string | null;
  audioRef: React.RefObject<HTMLAudioElement | null>;
  call: Call;
  onTime: (seconds: number) => void;
  onPlaying: (playing: boolean) => void;
}) {
  return (
    <div className="space-y-3" data-testid="call-recording" data-state={state}>
      <h3 className="text-sm font-semibold text-slate-900">Recording</h3>
      {state === "ready" && src ? (
        <>
          <div className="rounded-lg border border-slate-200 bg-slate-50 p-2">
            <audio
              ref={audioRef}
              src={src}
              controls
              preload="metadata"
              aria-label="Call recording"
              className="block w-full"
              data-testid="call-audio"
              onTimeUpdate={(event) => onTime(event.currentTarget.currentTime)}
              onSeeked={(event) => onTime(event.currentTarget.currentTime)}
              onPlay={(event) => {
                onTime(event.currentTarget.currentTime);
                onPlaying(true);
              }}
              onPause={() => onPlaying(false)}
              onEnded={() => onPlaying(false)}
            />
          </div>
          <p className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
            <span>{call.recording_seconds ? `${formatDuration(call.recording_seconds)} · ` : null}Agent on the left channel, lead on the right</span>
            <a href={src} download className="font-medium text-brand-700 hover:underline">
              Download
            </a>
          </p>
        </>
      ) : state === "live" ? (
        <p className="flex items-start gap-2 rounded-lg bg-brand-50 px-3 py-2.5 text-sm text-brand-700">
          <span className="mt-1.5 size-2 shrink-0 animate-pulse rounded-full bg-red-500" aria-hidden="true" />
          The call is on. Its recording will be here once it ends.
        </p>
      ) : state === "processing" ? (
        <p className="flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-2.5 text-sm text-slate-700" role="status">
          <Spinner className="text-brand-600" />
          Recording is being processed…
        </p>
      ) : (
        <p className="rounded-lg bg-slate-50 px-3 py-2.5 text-sm text-slate-600">
          No recording{call.answered_at ? " was kept for this call." : ": the call was not answered."}
        </p>
      )}
    </div>
  );
}

/** The last item of a transcript that is still growing: the call is on and listening. */
export function ListeningItem() {
  return (
    <li className="flex items-center gap-2 px-1 pt-1 text-xs text-slate-500" aria-hidden="true">
      <span className="size-1.5 animate-pulse rounded-full bg-brand-500" />
      Listening…
    </li>
  );
}
