"use client";
import { useQuery } from "@tanstack/react-query";
import type { MeAnswer } from "@/lib/wire/me";
import type { StreamResourceKind } from "@/lib/wire/stream";
import { ApiRequestError, readApiJson } from "@/lib/wire/readApiError";
import { apiBasePath } from "@/components/live/apiUrl";
import { usePageViewer } from "./PageViewer";

async function fetchMe(kinds: readonly StreamResourceKind[], signal: AbortSignal): Promise<MeAnswer> {
  const query = kinds.length > 0 ? `?kinds=${kinds.join(",")}` : "";
  return readApiJson<MeAnswer>(await fetch(`${apiBasePath()}/api/me${query}`, { signal, credentials: "same-origin", cache: "no-store" }));
}

/**
 * GET /api/me: who Orrery asks the cluster as for this person, the namespaces they can see into and, for `kinds`,
 * where they may list them. Only asked when `enabled`, and never on an embedded view (its token opens one view only).
 */
export function useMe(kinds: readonly StreamResourceKind[] = [], enabled = true) {
  const { embedded } = usePageViewer();
  const sorted = [...kinds].sort();
  return useQuery({
    queryKey: ["me", sorted.join(",")],
    queryFn: ({ signal }) => fetchMe(sorted, signal),
    enabled: enabled && !embedded,
    staleTime: 30_000,
    retry: (count, error) => !(error instanceof ApiRequestError && error.status < 500) && count < 2,
  });
}
