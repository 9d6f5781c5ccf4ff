"use client";
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { urlKeys, withParams } from "./urlState";

export interface UrlState {
  /** The selected namespace; undefined means all namespaces. */
  namespace?: string;
  query: string;
  sort?: string;
  selected?: string;
  /** Changes some keys; `history: "push"` makes Back undo it (namespace, opening details). */
  update(changes: Partial<Record<keyof typeof urlKeys, string | undefined>>, history?: "push" | "replace"): void;
}

export function useUrlState(): UrlState {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const update = useCallback<UrlState["update"]>(
    (changes, history = "replace") => {
      const mapped = Object.fromEntries(Object.entries(changes).map(([key, value]) => [urlKeys[key as keyof typeof urlKeys], value]));
      // Read the live URL, not the render's params, so two quick updates do not undo each other.
      const href = `${pathname}${withParams(window.location.search, mapped)}`;
      if (history === "push") router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [router, pathname],
  );
  return useMemo(
    () => ({
      namespace: params.get(urlKeys.namespace) ?? undefined,
      query: params.get(urlKeys.query) ?? "",
      sort: params.get(urlKeys.sort) ?? undefined,
      selected: params.get(urlKeys.selected) ?? undefined,
      update,
    }),
    [params, update],
  );
}
