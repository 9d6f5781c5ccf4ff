"use client";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { getStreamClient } from "@/components/live/liveStream";
import type { TopologyView } from "@/lib/wire/topology";
import { initialFeedState, TopologyFeedModel, type TopologyFeedState } from "./topologyFeed";

const noSubscription = () => () => undefined;

/** The live graph of one view over /api/stream; re-subscribes when the view, namespaces or expanded groups change. */
export function useTopologyFeed(view: TopologyView, namespaces: readonly string[], expanded: readonly string[], paused: boolean): TopologyFeedState & { hold: (held: boolean) => void } {
  const [model] = useState(() => (typeof window === "undefined" ? undefined : new TopologyFeedModel(getStreamClient())));
  const namespacesKey = namespaces.join(",");
  const expandedKey = expanded.join(",");
  useEffect(() => {
    if (!model) return;
    model.start({ view, ...(namespacesKey ? { namespaces: namespacesKey.split(",") } : {}), ...(expandedKey ? { expand: expandedKey.split(",") } : {}) });
    return () => model.stop();
  }, [model, view, namespacesKey, expandedKey]);
  useEffect(() => model?.setPaused(paused), [model, paused]);
  const state = useSyncExternalStore(model ? model.subscribe : noSubscription, model ? model.getState : () => initialFeedState, () => initialFeedState);
  const hold = useCallback((held: boolean) => model?.setHeld(held), [model]);
  return useMemo(() => ({ ...state, hold }), [state, hold]);
}
