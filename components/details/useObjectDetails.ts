"use client";
import { useQuery } from "@tanstack/react-query";
import type { ObjectDetails } from "@/lib/wire/resources";
import { ApiRequestError, readApiJson } from "@/lib/wire/readApiError";
import { apiPath } from "@/components/live/apiUrl";

async function fetchDetails(ref: string, signal: AbortSignal): Promise<ObjectDetails> {
  const response = await fetch(apiPath(`/api/resources/${ref.split("/").map(encodeURIComponent).join("/")}`), { signal });
  return readApiJson<ObjectDetails>(response);
}

/** YAML, owner chain and events of one object; fetched again whenever the object changes, events every 10 s. */
export function useObjectDetails(ref: string | undefined, resourceVersion: string | undefined) {
  return useQuery({
    queryKey: ["object-details", ref, resourceVersion],
    queryFn: ({ signal }) => fetchDetails(ref!, signal),
    enabled: ref !== undefined,
    refetchInterval: 10_000,
    placeholderData: (previous) => previous,
    retry: (count, error) => !(error instanceof ApiRequestError && error.status < 500) && count < 2,
  });
}
