"use client";

// Everything stored about one lead, custom fields included (the table has room for a few columns
// only). Opened from a row of the campaign's leads table; the data is the row's own, so it opens
// at once and needs no request of its own.
import { useDisplayFormat } from "@/lib/client/display-format";
import { formatTime } from "@/lib/client/format";
import { LEAD_STATUS_OPTIONS } from "@/lib/client/lead-fields";
import type { Lead, LeadStatus } from "@/lib/client/types";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { LEAD_STATUS_TONES } from "@/components/campaigns/campaign-labels";

const STATUS_LABELS = Object.fromEntries(LEAD_STATUS_OPTIONS.map((s) => [s.value, s.label])) as Record<LeadStatus, string>;

export function leadDisplayName(lead: Lead): string | null {
  return lead.full_name || [lead.first_name, lead.last_name].filter(Boolean).join(" ") || null;
}

/** Custom fields are whatever the CSV held: strings usually, anything JSON in principle. */
function customValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function SuppressedBadge() {
  return (
    <Badge tone="danger" data-testid="lead-suppressed">
      Suppressed (do-not-call)
    </Badge>
  );
}

export function LeadDetailDrawer({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const fmt = useDisplayFormat();
  const name = lead ? leadDisplayName(lead) : null;
  return (
    <Dialog
      open={lead !== null}
      onClose={onClose}
      placement="side"
      title={lead ? (name ?? fmt.phone(lead.phone_number)) : "Lead"}
      description={lead && name ? fmt.phone(lead.phone_number) : undefined}
    >
      {lead ? (
        <div className="space-y-6 text-sm" data-testid="lead-detail">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={LEAD_STATUS_TONES[lead.status]}>{STATUS_LABELS[lead.status] ?? lead.status}</Badge>
            {lead.suppressed ? <SuppressedBadge /> : null}
          </div>
          {lead.suppressed ? (
            <p className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
              This number is on your organization&apos;s do-not-call list, so it will not be called.
            </p>
          ) : null}

          <Section title="Contact">
            <Row label="Phone">
              {fmt.phone(lead.phone_number)} <span className="text-slate-500">({lead.phone_number})</span>
            </Row>
            <Row label="First name">{lead.first_name ?? "—"}</Row>
            <Row label="Last name">{lead.last_name ?? "—"}</Row>
            <Row label="Email">{lead.email ?? "—"}</Row>
            <Row label="Company">{lead.company ?? "—"}</Row>
            <Row label="Time zone">
              {lead.timezone ? (
                <>
                  {lead.timezone.replaceAll("_", " ")}
                  <span className="block text-xs text-slate-500">
                    Local time there now: {formatTime(new Date().toISOString(), lead.timezone)}
                  </span>
                </>
              ) : (
                "Not known (the campaign's zone applies)"
              )}
            </Row>
          </Section>

          <Section title="Calling">
            <Row label="Attempts">{lead.attempts}</Row>
            <Row label="Last attempt">{fmt.dateTime(lead.last_attempt_at)}</Row>
            <Row label="Next attempt">{fmt.dateTime(lead.next_attempt_at, "—")}</Row>
            <Row label="Last outcome">{lead.last_outcome ? lead.last_outcome.replaceAll("_", " ") : "—"}</Row>
            <Row label="Added">{fmt.dateTime(lead.created_at)}</Row>
          </Section>

          <Section title="Custom fields">
            {Object.keys(lead.custom_fields).length === 0 ? (
              <p className="text-slate-500" data-testid="no-custom-fields">
                No custom fields: the imported file had no extra columns for this lead.
              </p>
            ) : (
              Object.entries(lead.custom_fields).map(([key, value]) => (
                <Row key={key} label={key}>
                  <span className="break-words whitespace-pre-wrap">{customValue(value)}</span>
                </Row>
              ))
            )}
          </Section>
        </div>
      ) : null}
    </Dialog>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200">{children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-3 px-3 py-2">
      <dt className="break-words text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
