import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { userKeys } from "@/components/users/query-keys";
import type { CreateUserBody } from "@/components/users/types";
import type { User } from "@/lib/client/types";

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiFetch<User>("/api/users", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
