import { useMutation, useQueryClient } from "@tanstack/react-query";
import { campaignKeys } from "@/components/campaigns/query-keys";
import { uploadForm, type UploadProgress } from "@/lib/client/upload";
import type { StartedLeadImport, UploadLeadsInput } from "@/lib/client/types";

/** Sends a lead CSV with its column mapping; `onProgress` reports the bytes sent so far. */
export function useUploadLeads(campaignId: string, onProgress: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, duplicatePolicy, defaultCountry, signal }: UploadLeadsInput) => {
      // The options go before the file so a streaming parser has them when the rows start arriving.
      const form = new FormData();
      form.append("mapping", JSON.stringify(mapping));
      form.append("duplicate_policy", duplicatePolicy);
      form.append("default_country", defaultCountry);
      form.append("file", file, file.name);
      return uploadForm<StartedLeadImport>(`/api/campaigns/${encodeURIComponent(campaignId)}/leads`, form, { onProgress, signal });
    },
    // The history lists the new import at once; leads and counts follow as it is processed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
  });
}
