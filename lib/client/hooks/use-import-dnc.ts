import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/client/query-keys";
import { uploadForm } from "@/lib/client/upload";
import type { DncImportResult } from "@/lib/client/types";

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
        queryClient.invalidateQueries({ queryKey: queryKeys.dnc.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.campaigns.all }),
      ]),
  });
}
