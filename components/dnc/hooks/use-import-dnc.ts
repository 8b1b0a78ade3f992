import { useMutation, useQueryClient } from "@tanstack/react-query";
import { dncKeys } from "@/components/dnc/query-keys";
import { campaignKeys } from "@/components/campaigns/query-keys";
import { uploadForm } from "@/lib/client/upload";
import type { DncImportResult } from "@/components/dnc/types";

export function useImportDnc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return uploadForm<DncImportResult>("/api/dnc/import", form);
    },
    // Leads lists show whether each number is suppressed, so they are stale too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dncKeys.all }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
      ]),
  });
}
