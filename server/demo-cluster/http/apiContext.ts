import type { ObjectStore } from "../store";
import type { Identity } from "./auth";
import type { DemoFaults } from "./faults";

/** What every built-in handler of the demo apiserver shares. */
export interface DemoApi {
  store: ObjectStore;
  /** How often watches with allowWatchBookmarks get a BOOKMARK. */
  bookmarkIntervalMs: number;
  /** Removes gracefully deleted objects when their grace period ends. */
  later: Scheduler;
  /** Ends every open watch; called on close. */
  openWatches: Set<() => void>;
  /** Deliberate misbehaviour for the contract suite's mutation tests; absent in every real use. */
  faults?: DemoFaults;
}

/** Timers that close() can cancel all at once. */
export interface Scheduler {
  after(ms: number, task: () => void): void;
  cancelAll(): void;
}

export function createScheduler(): Scheduler {
  const timers = new Set<NodeJS.Timeout>();
  return {
    after(ms, task) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        task();
      }, ms);
      timers.add(timer);
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** A request to a built-in handler, after authentication. */
export interface ApiRequestContext {
  url: URL;
  identity: Identity;
}
