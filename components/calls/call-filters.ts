// The Calls list's filters live in the URL (?status=failed&campaign_id=…), so a filtered list can be
// reloaded, shared and returned to. Reading them is forgiving: anything unrecognised is dropped, never
// sent on to the API (which would refuse it).
import { DISPOSITIONS } from "@/lib/agents/vocabulary";
import { CALL_STATUSES } from "@/lib/calls/call-status";
import type { CallDisposition, CallListFilters, CallStatus } from "@/components/calls/types";

export const FILTER_KEYS = ["status", "disposition", "campaign_id", "agent_id", "lead_id", "date_from", "date_to"] as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as the date inputs give it ("2026-11-30"), and a real one (no 2026-02-31). */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

type Readable = { get(name: string): string | null };

export function parseCallFilters(params: Readable): CallListFilters {
  const id = (name: string) => {
    const value = params.get(name)?.trim();
    return value && ID.test(value) ? value : undefined;
  };
  const date = (name: string) => {
    const value = params.get(name)?.trim();
    return value && isIsoDate(value) ? value : undefined;
  };
  const filters: CallListFilters = {
    status: oneOf<CallStatus>(CALL_STATUSES, params.get("status")),
    disposition: oneOf<CallDisposition>(DISPOSITIONS, params.get("disposition")),
    campaign_id: id("campaign_id"),
    agent_id: id("agent_id"),
    lead_id: id("lead_id"),
    date_from: date("date_from"),
    date_to: date("date_to"),
  };
  // Only the filters that are set, so equal filters make equal query keys.
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as CallListFilters;
}

/** The query string for a set of filters ("" for none), keys in a fixed order. */
export function callFiltersSearch(filters: CallListFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function hasFilters(filters: CallListFilters): boolean {
  return FILTER_KEYS.some((key) => Boolean(filters[key]));
}

/** A range whose end is before its start finds nothing; the page says so instead of asking. */
export function dateRangeError(filters: Pick<CallListFilters, "date_from" | "date_to">): string | null {
  if (filters.date_from && filters.date_to && filters.date_to < filters.date_from) return "The end date is before the start date.";
  return null;
}
