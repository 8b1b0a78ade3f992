"use client";

// The tab as a phone on a call: what the leg hears (the agent, the lead, a whisper) plays one line after
// another and shows as chat bubbles; what you type (or dictate, where the browser can) is said on the
// call; "Hang up" ends your leg. Used for "Call me in the browser" (you are the lead) and for "Take over"
// in Live calls (you replace the agent).
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { MicIcon, PhoneIcon, StopIcon, WaveformIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { canSpeak, legView, phaseText, type LegLine, type LegMode, type LegPhase, type SaidLine } from "@/components/calls/browser-leg-state";
import { endedReasonText } from "@/components/calls/call-labels";
import { callHref } from "@/components/calls/calls-list";
import { useBrowserLeg } from "@/components/calls/hooks/use-browser-leg";
import { useLegInput } from "@/components/calls/hooks/use-leg-input";
import { useLegPlayback } from "@/components/calls/hooks/use-leg-playback";
import { useSpeechInput } from "@/components/calls/hooks/use-speech-input";

/** Within this many pixels of the bottom, the conversation keeps following new lines. */
const FOLLOW_SLACK_PX = 48;

/**
 * Render under `key={callId}`. `onOver` is told once the leg can no longer be used (ended, or lost), so a
 * dialog around it may then be closed; `onClose` adds a Close button once it is over.
 */
export function BrowserLeg({
  callId,
  mode,
  agentName,
  onOver,
  onClose,
  className,
}: {
  callId: string;
  mode: LegMode;
  agentName?: string | null;
  onOver?: () => void;
  onClose?: () => void;
  className?: string;
}) {
  const leg = useBrowserLeg(callId);
  const input = useLegInput(callId);
  const [said, setSaid] = useState<SaidLine[]>([]);
  const [text, setText] = useState("");
  const [muted, setMuted] = useState(false);
  const [hangingUp, setHangingUp] = useState(false);
  // Shown in the panel, not as a toast: inside a modal drawer a toast would be behind the backdrop.
  const [problem, setProblem] = useState<string | null>(null);
  const nextId = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);

  const view = legView(leg.events, said);
  const phase: LegPhase = leg.ended ? "ended" : view.phase;
  const over = phase === "ended" || leg.lost;
  const speakable = canSpeak(phase) && !leg.lost && !hangingUp;
  const playback = useLegPlayback(leg.events, muted);
  const speech = useSpeechInput(setText);

  useEffect(() => {
    if (over) onOver?.();
  }, [over, onOver]);

  // The newest line stays in view, unless you scrolled up to read.
  useEffect(() => {
    const box = scrollRef.current;
    if (box && followRef.current) box.scrollTop = box.scrollHeight;
  }, [view.lines.length, phase]);

  // Your turn: the text box takes focus, unless you are busy elsewhere on the page.
  useEffect(() => {
    if (phase !== "your_turn" && phase !== "connected") return;
    const active = document.activeElement;
    if (!active || active === document.body || sectionRef.current?.contains(active)) inputRef.current?.focus();
  }, [phase]);

  function send(event: React.FormEvent) {
    event.preventDefault();
    const line = text.trim();
    if (!line || !speakable) return;
    if (speech.listening) speech.stop();
    const id = ++nextId.current;
    setSaid((list) => [...list, { id, text: line, after: leg.events.length, pending: true }]);
    setText("");
    followRef.current = true;
    setProblem(null);
    input.mutate(
      { text: line },
      {
        onSuccess: () => setSaid((list) => list.map((l) => (l.id === id ? { ...l, pending: false } : l))),
        onError: (error) => {
          // Not said after all: back into the box to try again.
          setSaid((list) => list.filter((l) => l.id !== id));
          setText((current) => current || line);
          setProblem(`Not sent: ${errorMessage(error)}`);
        },
      },
    );
  }

  function hangUp() {
    setHangingUp(true);
    setProblem(null);
    input.mutate(
      { hangup: true },
      {
        onError: (error) => {
          // Already over (RESOURCE_003 "The call has ended"): the ended event is on its way.
          if (error instanceof ApiClientError && error.code === "RESOURCE_003") return;
          setHangingUp(false);
          setProblem(`Not hung up: ${errorMessage(error)}`);
        },
      },
    );
  }

  const status = hangingUp && !over ? "Hanging up…" : phaseText(phase, mode);
  const title = mode === "takeover" ? "You took over this call" : agentName ? `${agentName} is calling you` : "The agent is calling you";

  return (
    <section
      ref={sectionRef}
      aria-label={title}
      data-testid="browser-leg"
      data-phase={phase}
      className={cn("@container flex min-w-0 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm", className)}
    >
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h3 className="truncate text-sm font-semibold text-slate-900">{title}</h3>
          <p role="status" data-testid="leg-status" className={cn("mt-0.5 flex items-center gap-2 text-sm", phase === "your_turn" ? "font-medium text-brand-700" : "text-slate-600")}>
            <PhaseDot phase={phase} />
            {status}
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => setMuted((m) => !m)} title={muted ? "Hear the call again" : "Stop playing what the call says"} className="-mr-1 shrink-0">
          <WaveformIcon className={cn("size-4", muted && "opacity-40")} />
          {muted ? "Unmute" : "Mute"}
        </Button>
      </div>

      {playback.blocked && !muted ? (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <span>The browser blocked the sound.</span>
          <Button size="sm" variant="secondary" onClick={playback.unblock}>
            Play sound
          </Button>
        </div>
      ) : null}

      <div
        ref={scrollRef}
        onScroll={(event) => {
          const box = event.currentTarget;
          followRef.current = box.scrollHeight - box.scrollTop - box.clientHeight < FOLLOW_SLACK_PX;
        }}
        className="h-[55dvh] min-h-56 overflow-y-auto overscroll-contain bg-slate-50/60 px-3 py-3 sm:max-h-[26rem] sm:px-4"
        data-testid="leg-conversation"
      >
        {view.lines.length === 0 ? (
          <p className="flex h-full items-center justify-center gap-2 text-sm text-slate-500">
            {phase === "ended" ? "Nothing was said." : (
              <>
                <Spinner className="text-brand-600" />
                {phase === "connecting" ? "Ringing your tab…" : "Waiting for the first words…"}
              </>
            )}
          </p>
        ) : (
          <ol className="space-y-3" aria-label="Conversation" aria-live="polite" aria-relevant="additions">
            {view.lines.map((line) => (
              <Bubble key={line.key} line={line} mode={mode} agentName={agentName ?? null} playing={line.kind === "heard" && playback.playing === line.id} />
            ))}
          </ol>
        )}
      </div>

      {phase === "ended" ? (
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 text-sm" data-testid="leg-ended">
          <p className="text-slate-700">
            <span className="font-medium text-slate-900">Call ended</span>
            {endedText(view.endedReason) ? <span className="text-slate-500"> · {endedText(view.endedReason)}</span> : null}
          </p>
          <div className="flex gap-2">
            <Link href={callHref(callId)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Open the call
            </Link>
            {onClose ? (
              <Button size="sm" variant="ghost" onClick={onClose}>
                Close
              </Button>
            ) : null}
          </div>
        </div>
      ) : leg.lost ? (
        <Alert tone="error" title="This call is no longer on this tab" className="m-3" data-testid="leg-lost">
          <p>{errorMessage(leg.error)}</p>
          <div className="mt-2 flex gap-3">
            <Link href={callHref(callId)} className="font-medium underline">
              Open the call
            </Link>
            {onClose ? (
              <button type="button" className="font-medium underline" onClick={onClose}>
                Close
              </button>
            ) : null}
          </div>
        </Alert>
      ) : (
        <>
          {leg.error ? (
            <p className="flex items-center gap-2 border-t border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-900" role="status">
              <Spinner /> Reconnecting to the call… ({errorMessage(leg.error)})
            </p>
          ) : null}
          {problem || speech.error ? (
            <p className="border-t border-slate-200 px-4 py-2 text-xs text-red-700" role="alert" data-testid="leg-problem">
              {problem ?? speech.error}
            </p>
          ) : null}
          {/* Stacked in a narrow panel (the drawer, Live calls' side column): one row from 32rem. */}
          <form onSubmit={send} className="flex flex-col gap-2 border-t border-slate-200 p-3 @lg:flex-row @lg:items-center">
            <label htmlFor={`leg-input-${callId}`} className="sr-only">
              What you say
            </label>
            <div className="flex min-w-0 flex-1 gap-2">
              <Input
                id={`leg-input-${callId}`}
                ref={inputRef}
                autoComplete="off"
                maxLength={1000}
                value={text}
                onChange={(event) => setText(event.target.value)}
                disabled={!speakable}
                placeholder={
                  speakable ? (mode === "takeover" ? "Type what you say to the lead…" : "Type what you'd say…") : phase === "connecting" ? "Wait for the call to connect…" : "…"
                }
                className="min-w-0 flex-1"
              />
              {speech.supported ? (
                <Button
                  variant="secondary"
                  aria-pressed={speech.listening}
                  aria-label={speech.listening ? "Stop dictating" : "Dictate with the microphone"}
                  title={speech.listening ? "Stop dictating" : "Speak instead of typing"}
                  disabled={!speakable}
                  onClick={() => (speech.listening ? speech.stop() : speech.start())}
                  className={cn("px-3", speech.listening && "border-red-300 bg-red-50 text-red-700")}
                >
                  {speech.listening ? <StopIcon className="size-4" /> : <MicIcon className="size-4" />}
                </Button>
              ) : null}
            </div>
            <div className="flex gap-2">
              <Button type="submit" disabled={!speakable || !text.trim()} className="flex-1 @lg:flex-none">
                Send
              </Button>
              <Button variant="danger" onClick={hangUp} pending={hangingUp} className="flex-1 @lg:flex-none">
                <PhoneIcon className="size-4 rotate-[135deg]" />
                Hang up
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

function endedText(reason: string | null): string | null {
  if (!reason || reason === "completed") return null;
  return endedReasonText(reason.replaceAll("-", "_"));
}

function PhaseDot({ phase }: { phase: LegPhase }) {
  if (phase === "connecting" || phase === "thinking") return <Spinner className="text-brand-600" />;
  const color = phase === "ended" ? "bg-slate-400" : phase === "your_turn" ? "bg-brand-600 animate-pulse" : "bg-emerald-500 animate-pulse";
  return <span className={cn("size-2 shrink-0 rounded-full", color)} aria-hidden="true" />;
}

function Bubble({ line, mode, agentName, playing }: { line: LegLine; mode: LegMode; agentName: string | null; playing: boolean }) {
  if (line.kind === "you") {
    return (
      <li className="flex flex-col items-end" data-testid="leg-line" data-speaker="you">
        <span className="mb-0.5 px-1 text-xs font-medium text-slate-500">You</span>
        <p className={cn("max-w-[85%] rounded-2xl rounded-tr-sm bg-brand-600 px-3.5 py-2 text-sm break-words text-white", line.pending && "opacity-70")}>{line.text}</p>
      </li>
    );
  }
  const text = line.text ?? (line.url ? "(audio)" : "…");
  if (line.speaker === "whisper") {
    return (
      <li data-testid="leg-line" data-speaker="whisper">
        <div className={cn("rounded-xl border border-dashed border-amber-300 bg-amber-50 px-3.5 py-2 text-sm text-amber-950", playing && "ring-2 ring-amber-300")}>
          <p className="text-xs font-semibold text-amber-800">Whisper — only you hear this</p>
          <p className="mt-0.5 break-words italic">{text}</p>
        </div>
      </li>
    );
  }
  const agent = line.speaker === "agent";
  const label = agent ? (agentName ?? "Agent") : mode === "takeover" ? "Lead" : "You";
  return (
    <li className="flex flex-col items-start" data-testid="leg-line" data-speaker={line.speaker}>
      <span className="mb-0.5 flex items-center gap-1.5 px-1 text-xs font-medium text-slate-500">
        {label}
        {playing ? (
          <span className="inline-flex items-center gap-1 text-brand-700">
            <WaveformIcon className="size-3.5" />
            <span className="sr-only">playing</span>
          </span>
        ) : null}
      </span>
      <p
        className={cn(
          "max-w-[85%] rounded-2xl rounded-tl-sm px-3.5 py-2 text-sm break-words",
          agent ? "bg-white text-slate-900 ring-1 ring-slate-200" : "bg-emerald-50 text-emerald-950 ring-1 ring-emerald-200",
          playing && "ring-2 ring-brand-500",
          !line.text && "text-slate-500 italic",
        )}
      >
        {text}
      </p>
    </li>
  );
}
