"use client";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { KubeObject } from "@/lib/k8s/types";
import { clusterScopedKinds, type StreamResourceKind } from "@/lib/wire/stream";
import type { LiveSnapshot } from "./liveCollection";
import { getLiveRegistry } from "./liveStream";
import { summarizeHealth } from "./streamHealth";
import { useStreamState } from "./useStreamState";

export interface LiveResource<T extends KubeObject = KubeObject> {
  items: readonly T[];
  /** False until the first snapshot arrived: show a skeleton, not "nothing here". */
  loaded: boolean;
  /** True when the data may be out of date (connection down, cache stale, resync under way). */
  stale: boolean;
  /** Why the data is stale, for a person. */
  staleReason?: string;
  /** Why the server refused to list this kind here (e.g. "you may not list pods in namespace kube-system"). */
  refused?: string;
}

/** The refusals of several live resources, one sentence each, or undefined when none was refused. */
export function refusalOf(...resources: readonly LiveResource[]): readonly string[] | undefined {
  const reasons = [...new Set(resources.map((resource) => resource.refused).filter((reason) => reason !== undefined))];
  return reasons.length > 0 ? reasons : undefined;
}

const emptySnapshot: LiveSnapshot = { items: [], loaded: false, resyncing: false };
const noSubscription = () => () => undefined;

/** Live objects of one kind (in one namespace, or all when `namespace` is undefined), patched as the cluster changes. */
export function useLiveResource<T extends KubeObject = KubeObject>(kind: StreamResourceKind, namespace?: string): LiveResource<T> {
  const scopedNamespace = clusterScopedKinds.has(kind) ? undefined : namespace;
  const collection = typeof window === "undefined" ? undefined : getLiveRegistry().peek(kind, scopedNamespace);
  useEffect(() => getLiveRegistry().acquire(kind, scopedNamespace), [kind, scopedNamespace]);
  const snapshot = useSyncExternalStore(
    collection ? collection.subscribe : noSubscription,
    collection ? collection.getSnapshot : () => emptySnapshot,
    () => emptySnapshot,
  );
  const stream = useStreamState();
  return useMemo(() => {
    const health = summarizeHealth(stream, [kind]);
    const unhealthy = health.level === "error" || health.level === "stale";
    const staleReason = unhealthy ? health.detail : snapshot.resyncing ? "Catching up with the cluster…" : undefined;
    return { items: snapshot.items as readonly T[], loaded: snapshot.loaded, stale: staleReason !== undefined, staleReason, refused: snapshot.refused };
  }, [snapshot, stream, kind]);
}
