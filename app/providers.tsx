"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { ApiClientError, isSessionError } from "@/lib/client/api-client";

function sendToSignIn(error: unknown) {
  // The cookie expired or was revoked (signed out elsewhere, user deactivated): sign in again. A full
  // page load, not a client navigation, so nothing cached for the ended session survives.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  if (isSessionError(error)) window.location.assign("/login?error=SessionEnded");
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: sendToSignIn }),
    mutationCache: new MutationCache({ onError: sendToSignIn }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors (4xx) will not change on retry; network and server errors might.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiClientError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
