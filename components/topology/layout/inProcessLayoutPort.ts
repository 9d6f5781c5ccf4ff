import type { LayoutBatch, LayoutPort } from "./layoutProtocol";
import { createLayoutWorkerHandler } from "./layoutWorkerCore";

/** Runs the layout on the calling thread: the fallback where Web Workers are unavailable, and the test double. */
export function createInProcessLayoutPort(schedule: (run: () => void) => void = (run) => void setTimeout(run, 0)): LayoutPort {
  let listener: ((batch: LayoutBatch) => void) | undefined;
  let terminated = false;
  const handle = createLayoutWorkerHandler({
    // Delivered asynchronously, as a worker's message would be.
    post: (batch) => schedule(() => {
      if (!terminated) listener?.(batch);
    }),
    schedule: (run) => schedule(() => {
      if (!terminated) run();
    }),
  });
  return {
    send: (request) => {
      if (!terminated) handle(request);
    },
    listen: (onBatch) => {
      listener = onBatch;
    },
    terminate: () => {
      terminated = true;
    },
  };
}

/** A manual scheduler for tests: nothing runs until `drain` or `step`. */
export function createManualScheduler() {
  const queue: Array<() => void> = [];
  return {
    schedule: (run: () => void) => void queue.push(run),
    step: () => queue.shift()?.(),
    drain: (limit = 100_000) => {
      for (let i = 0; i < limit && queue.length > 0; i++) queue.shift()?.();
    },
    get pending() {
      return queue.length;
    },
  };
}
