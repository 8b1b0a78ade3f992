"use client";

// Post-call analysis: sentiment, conversion and the quality score, with the score's components when the
// analysis gives them (shown as they come, label and value).
import { useDisplayFormat } from "@/lib/client/display-format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { humanize, isActiveStatus, sentimentTone } from "@/components/calls/call-labels";
import { detailEntries } from "@/components/calls/call-analysis";
import { formatQuality } from "@/components/calls/call-format";
import type { Call } from "@/components/calls/types";

export function CallAnalysisCard({ call }: { call: Call }) {
  const { sentiment, conversion, quality_score: quality, details } = call.analysis;
  const fmt = useDisplayFormat();
  const entries = detailEntries(details, { dateTime: (iso) => fmt.dateTime(iso) });
  const pending = isActiveStatus(call.status);
  return (
    <Card>
      <section aria-labelledby="analysis-heading" data-testid="call-analysis" className="space-y-4">
        <div>
          <h2 id="analysis-heading" className="text-lg font-semibold text-slate-900">
            Analysis
          </h2>
          <p className="text-sm text-slate-600">{pending ? "The call is analysed once it ends." : "How the conversation went, as the analysis read it."}</p>
        </div>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-xs font-medium text-slate-500">Sentiment</dt>
            <dd className="mt-1">
              {sentiment ? <Badge tone={sentimentTone(sentiment)}>{humanize(sentiment)}</Badge> : <span className="text-sm text-slate-400">Not analysed</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-500">Conversion</dt>
            <dd className="mt-1">
              <Badge tone={conversion ? "success" : "neutral"}>{conversion ? "Converted" : "Not converted"}</Badge>
            </dd>
          </div>
          <div className="col-span-2 sm:col-span-1">
            <dt className="text-xs font-medium text-slate-500">Quality score</dt>
            <dd className="mt-1">
              <span className="text-lg font-semibold text-slate-900 tabular-nums" data-testid="call-quality">
                {formatQuality(quality)}
              </span>
              {quality !== null ? <span className="text-sm text-slate-500"> / 5</span> : null}
              {quality !== null ? (
                <ProgressBar size="sm" className="mt-1.5" value={(quality / 5) * 100} label="Quality score" valueText={`${formatQuality(quality)} out of 5`} />
              ) : null}
            </dd>
          </div>
        </dl>
        {entries.length ? (
          <div className="border-t border-slate-100 pt-4">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Details</h3>
            <dl className="divide-y divide-slate-100 text-sm" data-testid="call-analysis-details">
              {entries.map((entry) => (
                <div key={entry.label} className="flex items-baseline justify-between gap-4 py-1.5">
                  <dt className="text-slate-600">{entry.label}</dt>
                  <dd className="text-right font-medium break-words text-slate-900 tabular-nums">{entry.value}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
      </section>
    </Card>
  );
}
