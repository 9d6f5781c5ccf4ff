"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/wire/readApiError";
import { createEmbedToken, listEmbedTokens, revokeEmbedToken } from "./embedClient";

const tokensKey = ["embed-tokens"] as const;

/** The embed tokens issued so far; a 401/403 means the person may not manage them (and is not retried). */
export function useEmbedTokens(enabled = true) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: () => listEmbedTokens(),
    enabled,
    staleTime: 30_000,
    retry: (count, error) => !(error instanceof ApiRequestError && error.status < 500) && count < 2,
  });
}

export function useCreateEmbedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ scope, ttlSeconds }: { scope: string; ttlSeconds: number }) => createEmbedToken(scope, ttlSeconds),
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeEmbedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeEmbedToken(id),
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
