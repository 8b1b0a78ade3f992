"use client";

// The test conversation as a chat: the agent's lines (each playable in its voice), the tester's lines
// with what the agent understood, and notes for what the agent did (transfer, callback, opt-out…).
import { useEffect, useRef } from "react";
import { useDisplayFormat } from "@/lib/client/display-format";
import { cn } from "@/lib/client/cn";
import { Spinner } from "@/components/ui/spinner";
import { DISPOSITION_LABELS, INTENT_LABELS } from "@/components/agents/agent-labels";
import { SpeakButton } from "@/components/agents/speak-button";
import type { AgentAction, Understanding } from "@/components/agents/types";

export type ChatEntry =
  | { id: number; kind: "agent"; text: string }
  | { id: number; kind: "caller"; text: string | null; understanding: Understanding | null; pending: boolean }
  | { id: number; kind: "action"; action: Exclude<AgentAction, { type: "say" } | { type: "listen" }> };

/** Chat entries for the actions of one turn (listening is implied by the composer). */
export function entriesFor(actions: readonly AgentAction[], nextId: () => number): ChatEntry[] {
  return actions.flatMap((action): ChatEntry[] => {
    if (action.type === "say") return [{ id: nextId(), kind: "agent", text: action.text }];
    if (action.type === "listen") return [];
    return [{ id: nextId(), kind: "action", action }];
  });
}

export function TestChat({ entries, voiceId, busy }: { entries: readonly ChatEntry[]; voiceId: string; busy: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The newest line stays in view, without scrolling the page around the panel.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [entries, busy]);

  return (
    <div ref={scroller} className="h-[28rem] overflow-y-auto px-4 py-4 sm:px-5" data-testid="test-chat">
      <ol className="space-y-3" aria-label="Conversation" aria-live="polite">
        {entries.map((entry) => (
          <li key={entry.id}>
            {entry.kind === "agent" ? (
              <AgentLine text={entry.text} voiceId={voiceId} />
            ) : entry.kind === "caller" ? (
              <CallerLine text={entry.text} understanding={entry.understanding} pending={entry.pending} />
            ) : (
              <ActionNote action={entry.action} />
            )}
          </li>
        ))}
        {busy ? (
          <li className="flex items-center gap-2 text-xs text-slate-500" data-testid="test-agent-thinking">
            <Spinner />
            The agent is answering…
          </li>
        ) : null}
      </ol>
    </div>
  );
}

function AgentLine({ text, voiceId }: { text: string; voiceId: string }) {
  return (
    <div className="flex items-start gap-2" data-testid="test-agent-line">
      <div className="max-w-[85%] rounded-2xl rounded-tl-sm bg-slate-100 px-3.5 py-2 text-sm text-slate-900">{text}</div>
      <SpeakButton text={text} voiceId={voiceId} label="this line in the agent's voice" className="mt-1" />
    </div>
  );
}

function CallerLine({ text, understanding, pending }: { text: string | null; understanding: Understanding | null; pending: boolean }) {
  return (
    <div className="flex flex-col items-end gap-1" data-testid="test-caller-line">
      <div
        className={cn(
          "max-w-[85%] rounded-2xl rounded-tr-sm px-3.5 py-2 text-sm",
          text === null ? "border border-dashed border-slate-300 text-slate-500 italic" : "bg-brand-600 text-white",
          pending && "opacity-70",
        )}
      >
        {text ?? "(stays silent)"}
      </div>
      {understanding ? <UnderstandingLine understanding={understanding} /> : null}
    </div>
  );
}

function UnderstandingLine({ understanding }: { understanding: Understanding }) {
  const { intent, confidence, knowledge_id, entities } = understanding;
  return (
    <p className="flex flex-wrap justify-end gap-x-2 text-xs text-slate-500" data-testid="test-understanding">
      <span>
        Intent: <span className="font-medium text-slate-700">{INTENT_LABELS[intent]}</span>{" "}
        <span className="font-mono">({intent})</span> · {Math.round(confidence * 100)}%
      </span>
      {knowledge_id ? (
        <span>
          Knowledge: <span className="font-mono text-slate-700">{knowledge_id}</span>
        </span>
      ) : null}
      {entities.length ? (
        <span>
          Heard:{" "}
          {entities.map((e, i) => (
            <span key={i} className="text-slate-700">
              {i > 0 ? ", " : ""}
              {`${e.text} (${e.type})`}
            </span>
          ))}
        </span>
      ) : null}
    </p>
  );
}

function ActionNote({ action }: { action: Extract<ChatEntry, { kind: "action" }>["action"] }) {
  const fmt = useDisplayFormat();
  let text: string;
  switch (action.type) {
    case "end":
      text = `Call ends: ${DISPOSITION_LABELS[action.disposition]}`;
      break;
    case "opt_out":
      text = "Opted out: this lead will not be called again";
      break;
    case "schedule_callback":
      text = action.at ? `Callback scheduled for ${fmt.dateTime(action.at)}` : "Callback scheduled for the next allowed time";
      break;
    case "record_answer":
      text = `Recorded ${action.field}: “${action.value}”`;
      break;
    case "transfer":
      text = `Transfers the call to ${action.to === "agents" ? "your organization's agents" : fmt.phone(action.to)}`;
      break;
  }
  return (
    <p className="text-center text-xs font-medium text-slate-500" data-testid="test-action-note">
      <span className="rounded-full bg-slate-50 px-3 py-1 ring-1 ring-slate-200">{text}</span>
    </p>
  );
}
