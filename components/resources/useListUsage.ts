"use client";
import { useEffect, useState } from "react";
import { getStreamClient } from "@/components/live/liveStream";
import type { ListUsage } from "./usageModel";

const nothingYet: ListUsage = {};

/** CPU and memory for a list page, from the stream: pods' (in `namespace`, or all) or nodes'; a new value after every poll. */
export function useListUsage(of: "pods" | "nodes", namespace?: string): ListUsage {
  const [latest, setLatest] = useState<{ namespace: string | undefined; usage: ListUsage }>({ namespace, usage: nothingYet });
  useEffect(
    () =>
      getStreamClient().subscribeUsage({ only: of, ...(namespace ? { namespace } : {}) }, {
        onFrame: (frame) => setLatest({ namespace, usage: { frame } }),
        // The last samples stay shown while reconnecting; the next frame replaces them.
        onResyncing: () => undefined,
        onError: (message) => setLatest({ namespace, usage: { refused: message } }),
      }),
    [of, namespace],
  );
  // Another namespace's samples are not shown while this one's first frame is on its way.
  return latest.namespace === namespace ? latest.usage : nothingYet;
}
