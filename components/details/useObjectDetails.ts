"use client";
import { useQuery } from "@tanstack/react-query";
import type { ApiErrorBody, ObjectDetails } from "@/lib/wire/resources";
import { apiPath } from "@/components/live/apiUrl";

export class DetailsError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function fetchDetails(ref: string, signal: AbortSignal): Promise<ObjectDetails> {
  const response = await fetch(apiPath(`/api/resources/${ref.split("/").map(encodeURIComponent).join("/")}`), { signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({ error: response.statusText }))) as ApiErrorBody;
    throw new DetailsError(body.error, response.status);
  }
  return (await response.json()) as ObjectDetails;
}

/** YAML, owner chain and events of one object; fetched again whenever the object changes, events every 10 s. */
export function useObjectDetails(ref: string | undefined, resourceVersion: string | undefined) {
  return useQuery({
    queryKey: ["object-details", ref, resourceVersion],
    queryFn: ({ signal }) => fetchDetails(ref!, signal),
    enabled: ref !== undefined,
    refetchInterval: 10_000,
    placeholderData: (previous) => previous,
    retry: (count, error) => !(error instanceof DetailsError && error.status < 500) && count < 2,
  });
}
