import { useEffect, useState } from "react";
import { ApiClientError, apiFetch, isSessionError } from "@/lib/client/api-client";
import { callPath } from "@/components/calls/hooks/use-call";
import type { LegEvent, LegEvents } from "@/components/calls/live-types";

export type LegFollow = {
  /** Every event since the start of the leg, in order. */
  events: LegEvent[];
  ended: boolean;
  /** The last failed read (cleared by the next good one). */
  error: unknown;
  /** The leg is gone (RESOURCE_001: not yours, or forgotten) or the session ended: no more reads. */
  lost: boolean;
};

/** After a failed read, wait this long before the next (doubling, up to the cap). */
const RETRY_MS = 1_000;
const RETRY_CAP_MS = 8_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Follows your browser leg on a call: GET /api/calls/{id}/leg?after=N is a long poll (the server
 * answers as soon as there are events, or after ~10 s with none), asked again at once with the reply's
 * `next` until the leg has ended. Render the user under `key={callId}`: a new call starts afresh.
 */
export function useBrowserLeg(callId: string): LegFollow {
  const [state, setState] = useState<LegFollow>({ events: [], ended: false, error: null, lost: false });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      let after = 0;
      let failures = 0;
      while (!signal.aborted) {
        try {
          const reply = await apiFetch<LegEvents>(`${callPath(callId)}/leg`, { query: { after }, signal });
          failures = 0;
          after = reply.next;
          setState((s) => ({ events: reply.events.length ? [...s.events, ...reply.events] : s.events, ended: reply.ended, error: null, lost: false }));
          if (reply.ended) return;
        } catch (error) {
          if (signal.aborted) return;
          const lost = isSessionError(error) || (error instanceof ApiClientError && error.code === "RESOURCE_001");
          setState((s) => ({ ...s, error, lost }));
          if (lost) return;
          failures++;
          await sleep(Math.min(RETRY_MS * 2 ** (failures - 1), RETRY_CAP_MS), signal);
        }
      }
    })();
    return () => controller.abort();
  }, [callId]);

  return state;
}
