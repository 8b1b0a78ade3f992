// The analysis' optional details and the cost breakdown as rows to render, pure.
import { humanize } from "@/components/calls/call-labels";
import { formatNumber } from "@/lib/client/format";
import type { CostBreakdown } from "@/components/calls/types";

export type DetailEntry = { label: string; value: string };

/** How to show an instant found among the details (the viewer's zone); ISO text as is by default. */
export type DetailOptions = { dateTime?: (iso: string) => string };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function scalar(value: unknown, options: DetailOptions): string | null {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : "—";
  if (typeof value === "string") {
    if (options.dateTime && INSTANT.test(value)) return options.dateTime(value);
    // Codes ("price_question") read as words; ids ("user_01h…") and text stay as they are.
    return /^[a-z]+(?:_[a-z]+)+$/.test(value) ? humanize(value) : value;
  }
  return null;
}

/**
 * `analysis.details`, whatever it holds, as label/value pairs: nested objects become "Parent · Child"
 * labels (two levels deep), lists of scalars are joined, anything else deeper is shown as JSON.
 */
export function detailEntries(details: unknown, options: DetailOptions = {}, prefix = "", depth = 0): DetailEntry[] {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return [];
  const entries: DetailEntry[] = [];
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    const label = prefix ? `${prefix} · ${humanize(key)}` : humanize(key);
    const simple = scalar(value, options);
    if (simple !== null) {
      entries.push({ label, value: simple });
    } else if (Array.isArray(value)) {
      const parts = value.map((item) => scalar(item, options));
      entries.push({ label, value: parts.every((p) => p !== null) ? parts.join(", ") || "—" : JSON.stringify(value) });
    } else if (depth < 1) {
      entries.push(...detailEntries(value, options, label, depth + 1));
    } else {
      entries.push({ label, value: JSON.stringify(value) });
    }
  }
  return entries;
}

export type CostRow = { key: string; label: string; detail: string | null; cost: number };

const COST_LABELS: Record<string, string> = {
  telephony: "Telephony",
  amd: "Answering-machine detection",
  recording: "Recording",
  speech: "Speech",
  llm: "Language model",
};

function minutes(part: Record<string, unknown>): string | null {
  if (typeof part.minutes !== "number") return null;
  const price = typeof part.price_per_minute === "number" ? ` × $${part.price_per_minute}/min` : "";
  return `${formatNumber(part.minutes)} min${price}`;
}

function describe(key: string, part: Record<string, unknown>): string | null {
  if (key === "speech" && typeof part.characters === "number") return `${formatNumber(part.characters)} characters`;
  if (key === "llm" && typeof part.input_tokens === "number" && typeof part.output_tokens === "number") {
    return `${formatNumber(part.input_tokens)} in / ${formatNumber(part.output_tokens)} out tokens`;
  }
  return minutes(part);
}

/** Every priced part of the breakdown (known ones first, in order; any new part after), and the total. */
export function costRows(breakdown: CostBreakdown | Record<string, unknown>): { rows: CostRow[]; total: number | null } {
  const record = breakdown as Record<string, unknown>;
  const known = Object.keys(COST_LABELS).filter((k) => k in record);
  const others = Object.keys(record).filter((k) => !(k in COST_LABELS) && k !== "total");
  const rows: CostRow[] = [];
  for (const key of [...known, ...others]) {
    const part = record[key];
    if (typeof part === "number") {
      rows.push({ key, label: COST_LABELS[key] ?? humanize(key), detail: null, cost: part });
    } else if (part && typeof part === "object" && typeof (part as Record<string, unknown>).cost === "number") {
      const p = part as Record<string, unknown>;
      rows.push({ key, label: COST_LABELS[key] ?? humanize(key), detail: describe(key, p), cost: p.cost as number });
    }
  }
  const total = typeof record.total === "number" ? record.total : rows.length ? rows.reduce((sum, r) => sum + r.cost, 0) : null;
  return { rows, total };
}
