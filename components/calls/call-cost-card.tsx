// What the call cost, part by part (telephony, answering-machine detection, recording, speech, language
// model), once it has ended.
import { Card } from "@/components/ui/card";
import { isActiveStatus } from "@/components/calls/call-labels";
import { costRows } from "@/components/calls/call-analysis";
import { formatCallCost } from "@/components/calls/call-format";
import type { Call } from "@/components/calls/types";

export function CallCostCard({ call }: { call: Call }) {
  const breakdown = call.cost_breakdown ? costRows(call.cost_breakdown) : null;
  return (
    <Card>
      <section aria-labelledby="cost-heading" data-testid="call-cost" className="space-y-4">
        <div className="flex items-start justify-between gap-4">
          <div>
            <h2 id="cost-heading" className="text-lg font-semibold text-slate-900">
              Cost
            </h2>
            <p className="text-sm text-slate-600">
              {breakdown ? "Each part of the call, priced." : isActiveStatus(call.status) ? "Worked out when the call ends." : "No breakdown was kept for this call."}
            </p>
          </div>
          <p className="text-lg font-semibold text-slate-900 tabular-nums">{formatCallCost(breakdown?.total ?? call.cost)}</p>
        </div>
        {breakdown && breakdown.rows.length ? (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" aria-label="Cost breakdown">
              <thead className="sr-only">
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Usage</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {breakdown.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-700">
                      {row.label}
                      {row.detail ? <span className="block text-xs font-normal text-slate-500 sm:hidden">{row.detail}</span> : null}
                    </th>
                    <td className="hidden py-2 pr-3 text-slate-500 tabular-nums sm:table-cell">{row.detail ?? ""}</td>
                    <td className="py-2 text-right text-slate-900 tabular-nums">{formatCallCost(row.cost)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-200">
                <tr>
                  <th scope="row" className="pt-2 text-left font-semibold text-slate-900">
                    Total
                  </th>
                  <td className="hidden sm:table-cell" />
                  <td className="pt-2 text-right font-semibold text-slate-900 tabular-nums">{formatCallCost(breakdown.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : null}
      </section>
    </Card>
  );
}
