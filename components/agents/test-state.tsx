"use client";

// Beside the test chat: where the conversation is in the flow, what it captured, what the last turn
// cost, and how it ended.
import { useDisplayFormat } from "@/lib/client/display-format";
import { formatNumber } from "@/lib/client/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DISPOSITION_LABELS, ENGINE_LABELS } from "@/components/agents/agent-labels";
import type { ConversationState, ConversationTurn } from "@/components/agents/types";

export function TestOutcome({ state, optedOut, onRestart, restarting }: { state: ConversationState; optedOut: boolean; onRestart: () => void; restarting: boolean }) {
  const fmt = useDisplayFormat();
  return (
    <section aria-labelledby="test-outcome-heading" className="space-y-3 rounded-xl border border-emerald-200 bg-emerald-50 p-4" data-testid="test-outcome">
      <h3 id="test-outcome-heading" className="text-sm font-semibold text-emerald-900">
        Conversation ended
      </h3>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-xs text-emerald-800">Outcome</dt>
          <dd className="font-semibold text-slate-900" data-testid="test-disposition">
            {state.disposition ? DISPOSITION_LABELS[state.disposition] : "None"}
            {state.disposition ? <span className="ml-1.5 font-mono text-xs font-normal text-slate-600">{state.disposition}</span> : null}
          </dd>
        </div>
        {state.callback_at ? (
          <div>
            <dt className="text-xs text-emerald-800">Callback</dt>
            <dd className="font-medium text-slate-900" data-testid="test-callback-at">
              {fmt.dateTime(state.callback_at)}
            </dd>
          </div>
        ) : null}
        {optedOut ? (
          <div>
            <Badge tone="danger" data-testid="test-opted-out">
              Opted out
            </Badge>
          </div>
        ) : null}
      </dl>
      <Button variant="secondary" size="sm" onClick={onRestart} pending={restarting}>
        Restart
      </Button>
    </section>
  );
}

export function TestState({ state, engine }: { state: ConversationState; engine: ConversationTurn["engine"] | null }) {
  const captured = Object.entries(state.captured);
  return (
    <section aria-labelledby="test-state-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="test-state-heading" className="text-sm font-semibold text-slate-900">
        In the flow
      </h3>
      <div className="space-y-1.5">
        <p className="text-xs text-slate-500">Steps taken</p>
        {state.path.length ? (
          <ol className="flex flex-wrap items-center gap-1 text-xs" data-testid="test-path" aria-label="Steps taken">
            {state.path.map((step, i) => (
              <li key={i} className="flex items-center gap-1">
                {i > 0 ? <span aria-hidden="true" className="text-slate-400">→</span> : null}
                <span className={step === state.step && !state.ended ? "rounded bg-brand-50 px-1.5 py-0.5 font-mono text-brand-700 ring-1 ring-brand-200" : "rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700"}>
                  {step}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-xs text-slate-500">None yet.</p>
        )}
      </div>
      <div className="space-y-1.5">
        <p className="text-xs text-slate-500">Captured answers</p>
        {captured.length ? (
          <dl className="space-y-1 text-xs" data-testid="test-captured">
            {captured.map(([field, value]) => (
              <div key={field} className="flex gap-2">
                <dt className="font-mono text-slate-600">{field}</dt>
                <dd className="min-w-0 break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-xs text-slate-500">None yet.</p>
        )}
      </div>
      {engine ? (
        <div className="space-y-1 border-t border-slate-100 pt-3 text-xs text-slate-600" data-testid="test-engine">
          <p>
            Last turn: <span className="font-medium text-slate-800">{ENGINE_LABELS[engine.engine].label} engine</span>,{" "}
            {engine.latency_ms < 1 ? "under 1 ms" : `${formatNumber(Math.round(engine.latency_ms))} ms`}
            {engine.input_tokens + engine.output_tokens > 0
              ? `, ${formatNumber(engine.input_tokens + engine.output_tokens)} tokens, $${engine.cost.toFixed(4)}`
              : null}
          </p>
          {engine.fallback ? <p className="text-amber-800">The LLM&apos;s answer was replaced by the flow engine&apos;s ({engine.fallback}).</p> : null}
        </div>
      ) : null}
    </section>
  );
}
