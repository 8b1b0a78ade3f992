import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { meKey } from "@/lib/client/query-keys";
import { userKeys } from "@/components/users/query-keys";
import type { UpdateMeBody, User } from "@/lib/client/types";

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => apiFetch<User>("/api/users/me", { method: "PUT", body }),
    onSuccess: async (user) => {
      queryClient.setQueryData(meKey, user);
      // The user's name also appears in the users table.
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}
