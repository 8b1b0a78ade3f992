import type { CallListFilters } from "@/components/calls/types";

/** Invalidating `callKeys.all` refreshes every call list and every single call. */
export const callKeys = {
  all: ["calls"] as const,
  lists: () => [...callKeys.all, "list"] as const,
  list: (filters: CallListFilters, limit: number) => [...callKeys.lists(), filters, limit] as const,
  detail: (callId: string) => [...callKeys.all, "detail", callId] as const,
  /** A lead's name, read from its latest call's row (the detail carries ids only). */
  /** GET /api/calls/active: the calls in flight, read every second by the Live calls page. */
  active: () => [...callKeys.all, "active"] as const,
};
