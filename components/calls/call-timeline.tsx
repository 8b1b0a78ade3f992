"use client";

// The call's status changes in order, each with how far into the call it came and the provider's own
// status word; anything else an entry carries (who hung up…) is listed under it.
import { useDisplayFormat } from "@/lib/client/display-format";
import { Card } from "@/components/ui/card";
import { CALL_STATUS_LABELS, endedReasonText, humanize } from "@/components/calls/call-labels";
import { detailEntries } from "@/components/calls/call-analysis";
import { offsetFrom } from "@/components/calls/call-format";
import type { Call, CallStatus } from "@/components/calls/types";

export function CallTimeline({ call }: { call: Call }) {
  const fmt = useDisplayFormat();
  return (
    <Card>
      <section aria-labelledby="timeline-heading" data-testid="call-timeline" className="space-y-4">
        <div>
          <h2 id="timeline-heading" className="text-lg font-semibold text-slate-900">
            Timeline
          </h2>
          <p className="text-sm text-slate-600">Started {fmt.dateTime(call.started_at)}</p>
        </div>
        {call.timeline.length === 0 ? (
          <p className="text-sm text-slate-500">No status changes were recorded for this call.</p>
        ) : (
          <ol className="relative space-y-4 border-l border-slate-200 pl-5">
            {call.timeline.map((entry, index) => {
              const label = Object.hasOwn(CALL_STATUS_LABELS, entry.status) ? CALL_STATUS_LABELS[entry.status as CallStatus] : humanize(entry.status);
              const extra = detailEntries(readableDetail(entry.detail), { dateTime: (iso) => fmt.dateTime(iso) });
              const last = index === call.timeline.length - 1;
              return (
                <li key={`${entry.at}-${index}`} className="relative" data-testid="timeline-entry">
                  <span
                    className={`absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full ring-4 ring-white ${last ? "bg-brand-600" : "bg-slate-300"}`}
                    aria-hidden="true"
                  />
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <p className="text-sm font-medium text-slate-900">
                      {label}
                      {entry.provider_status && entry.provider_status !== entry.status ? (
                        <span className="ml-2 font-mono text-xs font-normal text-slate-500">{entry.provider_status}</span>
                      ) : null}
                    </p>
                    <time dateTime={entry.at} title={fmt.dateTime(entry.at)} className="text-xs text-slate-500 tabular-nums">
                      {offsetFrom(call.started_at, entry.at) ?? fmt.time(entry.at)}
                    </time>
                  </div>
                  {extra.length ? (
                    <p className="mt-0.5 text-xs text-slate-500">{extra.map((e) => `${e.label}: ${e.value}`).join(" · ")}</p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </Card>
  );
}

/** An entry's detail with its ended reason in words, as the header says it. */
function readableDetail(detail: unknown): unknown {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return detail;
  const record = detail as Record<string, unknown>;
  return typeof record.ended_reason === "string" ? { ...record, ended_reason: endedReasonText(record.ended_reason) } : record;
}
