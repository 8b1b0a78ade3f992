import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { meKey } from "@/lib/client/query-keys";
import type { User } from "@/lib/client/types";

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => apiFetch<User>("/api/users/me", { signal }),
  });
}
