import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { LeadImport } from "@/lib/client/types";

const POLL_MS = 1_000;

/** One import, polled every second while the server is still processing it. */
export function useLeadImport(campaignId: string, importId: string | null) {
  return useQuery({
    queryKey: campaignKeys.import(campaignId, importId ?? ""),
    queryFn: ({ signal }) =>
      apiFetch<LeadImport>(
        `/api/campaigns/${encodeURIComponent(campaignId)}/leads/imports/${encodeURIComponent(importId ?? "")}`,
        { signal },
      ),
    enabled: importId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === "processing" ? POLL_MS : false),
  });
}
