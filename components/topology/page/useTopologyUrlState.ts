"use client";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { formatTopologyState, parseTopologyState, type TopologyPageState } from "./topologyUrlState";

export interface TopologyUrlState {
  state: TopologyPageState;
  /** Changes part of the view; `push` makes Back undo it (view, namespaces, selection). */
  update(changes: Partial<TopologyPageState>, history?: "push" | "replace"): void;
}

export function useTopologyUrlState(): TopologyUrlState {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseTopologyState(new URLSearchParams(params.toString())), [params]);
  // The query of a navigation not yet reflected in the URL: the router updates it later, and a second quick
  // update must build on the first rather than undo it.
  const pending = useRef<string | undefined>(undefined);
  useEffect(() => {
    pending.current = undefined;
  }, [params]);
  const update = useCallback<TopologyUrlState["update"]>(
    (changes, history = "replace") => {
      const search = formatTopologyState(new URLSearchParams(pending.current ?? window.location.search), changes);
      pending.current = search;
      const href = `${pathname}${search}`;
      if (history === "push") router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [router, pathname],
  );
  return useMemo(() => ({ state, update }), [state, update]);
}
