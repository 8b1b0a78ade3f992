"use client";

// Chat with the saved agent as a lead would: the same engine a call runs, with text instead of a phone.
import { useRef, useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field, Input } from "@/components/ui/field";
import { useConversationTurn } from "@/components/agents/hooks/use-conversation-turn";
import { useStartConversation } from "@/components/agents/hooks/use-start-conversation";
import { TestChat, entriesFor, type ChatEntry } from "@/components/agents/test-chat";
import { TestOutcome, TestState } from "@/components/agents/test-state";
import type { Agent, AgentAction, ConversationState, ConversationTurn, ConversationTurnBody } from "@/components/agents/types";

const optsOut = (actions: readonly AgentAction[]) => actions.some((a) => a.type === "opt_out");

export function TestPanel({ agent, dirty }: { agent: Agent; dirty: boolean }) {
  const start = useStartConversation(agent.id);
  const turn = useConversationTurn(agent.id);
  const [firstName, setFirstName] = useState("");
  const [company, setCompany] = useState("");
  const [recorded, setRecorded] = useState(true);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [state, setState] = useState<ConversationState | null>(null);
  const [engine, setEngine] = useState<ConversationTurn["engine"] | null>(null);
  const [optedOut, setOptedOut] = useState(false);
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const counter = useRef(0);
  const replyRef = useRef<HTMLInputElement>(null);
  const nextId = () => ++counter.current;

  const ended = state?.ended ?? false;
  const canReply = conversationId !== null && !ended && !turn.isPending && !start.isPending;

  function begin() {
    setError(null);
    const lead = { first_name: firstName.trim() || undefined, company: company.trim() || undefined };
    start.mutate(
      { lead: lead.first_name || lead.company ? lead : undefined, recorded },
      {
        onSuccess: (conversation) => {
          counter.current = 0;
          setConversationId(conversation.conversation_id);
          setEntries(entriesFor(conversation.actions, nextId));
          setState(conversation.state);
          setEngine(conversation.engine);
          setOptedOut(optsOut(conversation.actions));
          setReply("");
          requestAnimationFrame(() => replyRef.current?.focus());
        },
        onError: (failure) => setError(errorMessage(failure)),
      },
    );
  }

  function send(body: ConversationTurnBody) {
    if (!conversationId) return;
    const callerId = nextId();
    const text = "text" in body ? (body.text ?? null) : null;
    const said = { id: callerId, kind: "caller", text, understanding: null, pending: true } as const;
    setEntries((list) => [...list, said]);
    setError(null);
    setReply("");
    turn.mutate(
      { conversationId, body },
      {
        onSuccess: (result) => {
          const added = entriesFor(result.actions, nextId);
          const heard: ChatEntry = { ...said, pending: false, understanding: result.understanding };
          setEntries((list) => [...list.map((entry) => (entry.id === callerId ? heard : entry)), ...added]);
          setState(result.state);
          setEngine(result.engine);
          if (optsOut(result.actions)) setOptedOut(true);
          requestAnimationFrame(() => replyRef.current?.focus());
        },
        onError: (failure) => {
          // Not said after all: the line goes back into the box to try again.
          setEntries((list) => list.filter((entry) => entry.id !== callerId));
          if (text) setReply(text);
          setError(errorMessage(failure));
        },
      },
    );
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_19rem]" data-testid="test-panel">
      <section aria-labelledby="test-heading" className="flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="border-b border-slate-200 px-4 py-3 sm:px-5">
          <h2 id="test-heading" className="text-base font-semibold text-slate-900">
            Test conversation
          </h2>
          <p className="text-sm text-slate-600">Chat with the saved agent as if you were the lead. Nothing is dialed.</p>
        </div>
        {dirty ? (
          <Alert tone="warning" className="m-4 mb-0" data-testid="test-unsaved">
            You have unsaved changes in the editor. The test talks to the saved agent: save first to test them.
          </Alert>
        ) : null}
        {conversationId ? (
          <TestChat entries={entries} voiceId={agent.voice_id} busy={turn.isPending || start.isPending} />
        ) : (
          <div className="flex h-[28rem] flex-col items-center justify-center gap-3 px-6 text-center">
            <p className="max-w-sm text-sm text-slate-600">Start a conversation to hear the disclosure and the first message, then answer as a lead would.</p>
            <Button onClick={begin} pending={start.isPending}>
              Start conversation
            </Button>
          </div>
        )}
        {error ? (
          <Alert tone="error" title="The agent did not answer" className="mx-4 mb-3" data-testid="test-error">
            {error}
          </Alert>
        ) : null}
        <form
          className="flex flex-col gap-2 border-t border-slate-200 p-3 sm:flex-row sm:items-center"
          onSubmit={(event) => {
            event.preventDefault();
            if (reply.trim()) send({ text: reply.trim() });
          }}
        >
          <label htmlFor="test-reply" className="sr-only">
            Your reply
          </label>
          <Input
            id="test-reply"
            ref={replyRef}
            autoComplete="off"
            maxLength={2000}
            value={reply}
            onChange={(event) => setReply(event.target.value)}
            disabled={!canReply}
            placeholder={ended ? "The conversation has ended." : conversationId ? "Say something to the agent…" : "Start a conversation first."}
            className="min-w-0 flex-1"
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={!canReply || !reply.trim()} pending={turn.isPending && "text" in (turn.variables?.body ?? {})}>
              Send
            </Button>
            <Button variant="secondary" disabled={!canReply} onClick={() => send({ silence: true })} title="Say nothing until the agent's silence timeout">
              Stay silent
            </Button>
          </div>
        </form>
      </section>

      <aside className="space-y-4" aria-label="Test settings and state">
        <section aria-labelledby="test-lead-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id="test-lead-heading" className="text-sm font-semibold text-slate-900">
            Sample lead
          </h3>
          <Field id="test-first-name" label="First name" hint="Optional: fills {{lead.first_name}}.">
            <Input id="test-first-name" autoComplete="off" maxLength={100} value={firstName} onChange={(event) => setFirstName(event.target.value)} />
          </Field>
          <Field id="test-company" label="Company" hint="Optional: fills {{lead.company}}.">
            <Input id="test-company" autoComplete="off" maxLength={200} value={company} onChange={(event) => setCompany(event.target.value)} />
          </Field>
          <CheckboxField id="test-recorded" label="The call is recorded" checked={recorded} onChange={(event) => setRecorded(event.target.checked)} />
          {conversationId ? (
            <Button variant="secondary" size="sm" onClick={begin} pending={start.isPending} className="w-full">
              Restart conversation
            </Button>
          ) : null}
        </section>
        {state?.ended ? <TestOutcome state={state} optedOut={optedOut} onRestart={begin} restarting={start.isPending} /> : null}
        {state ? <TestState state={state} engine={engine} /> : null}
      </aside>
    </div>
  );
}
