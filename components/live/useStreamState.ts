"use client";
import { useSyncExternalStore } from "react";
import type { StreamState } from "./streamClient";
import { getStreamClient } from "./liveStream";

const serverState: StreamState = { connection: { phase: "connecting", everOpened: false }, kinds: [] };
const noSubscription = () => () => undefined;

/** The live connection and the cache's per-kind health, re-rendering when either changes. */
export function useStreamState(): StreamState {
  const isBrowser = typeof window !== "undefined";
  const client = isBrowser ? getStreamClient() : undefined;
  return useSyncExternalStore(
    client ? client.onState : noSubscription,
    client ? client.getState : () => serverState,
    () => serverState,
  );
}
