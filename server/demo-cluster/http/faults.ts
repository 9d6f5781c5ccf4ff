import type { IncomingMessage } from "node:http";

/**
 * Deliberately wrong behaviours, switched on only by the contract suite's mutation tests to prove that
 * its expectations notice them. Read on every request, so a test can toggle them on a running server.
 */
export interface DemoFaults {
  /** Watches never send BOOKMARK events. */
  watchWithoutBookmarks?: boolean;
  /** Lists and watches ignore labelSelector. */
  ignoreLabelSelector?: boolean;
  /** Lists and watches ignore fieldSelector. */
  ignoreFieldSelector?: boolean;
  /** Lists ignore the continue token, so every page is the first one. */
  listIgnoresContinue?: boolean;
  /** pods/log ignores tailLines. */
  logIgnoresTailLines?: boolean;
  /** Strategic merge patches are applied as JSON merge patches (lists replaced instead of merged by name). */
  strategicPatchAsMerge?: boolean;
  /** A watch from a compacted resourceVersion answers HTTP 410 instead of 200 with an ERROR event. */
  expiredWatchAsHttpError?: boolean;
  /** Evictions ignore PodDisruptionBudgets. */
  evictionIgnoresBudgets?: boolean;
}

const droppedParams: [keyof DemoFaults, string][] = [
  ["watchWithoutBookmarks", "allowWatchBookmarks"],
  ["ignoreLabelSelector", "labelSelector"],
  ["ignoreFieldSelector", "fieldSelector"],
  ["listIgnoresContinue", "continue"],
  ["logIgnoresTailLines", "tailLines"],
];

/** Rewrites the request the way the faulty server would misread it: query parameters dropped, patch type confused. */
export function applyRequestFaults(req: IncomingMessage, url: URL, faults: DemoFaults | undefined): void {
  if (!faults) return;
  for (const [fault, param] of droppedParams) if (faults[fault]) url.searchParams.delete(param);
  const contentType = req.headers["content-type"] ?? "";
  if (faults.strategicPatchAsMerge && contentType.startsWith("application/strategic-merge-patch+json")) {
    req.headers["content-type"] = "application/merge-patch+json";
  }
}
