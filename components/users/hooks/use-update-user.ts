import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { userKeys } from "@/components/users/query-keys";
import { meKey } from "@/lib/client/query-keys";
import type { UpdateUserBody } from "@/components/users/types";
import type { User } from "@/lib/client/types";

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateUserBody }) =>
      apiFetch<User>(`/api/users/${encodeURIComponent(userId)}`, { method: "PUT", body }),
    onSuccess: async () => {
      // The changed user may be the signed-in one, so both the lists and "me" can be stale.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]);
    },
  });
}
