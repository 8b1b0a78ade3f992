import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { callKeys } from "@/components/calls/query-keys";
import type { BrowserCall, BrowserCallBody } from "@/components/calls/live-types";

/** "Call me in the browser": an agent calls this tab (POST /api/calls/browser, calls.create). */
export function useBrowserCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BrowserCallBody) => apiFetch<BrowserCall>("/api/calls/browser", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: callKeys.active() }),
  });
}
