import { describe, expect, test } from "vitest";
import { createManualScheduler } from "./inProcessLayoutPort";
import type { LayoutBatch } from "./layoutProtocol";
import { createLayoutWorkerHandler } from "./layoutWorkerCore";
import { buildClusterGraph } from "./testGraph";

function harness(msPerClockRead: number) {
  const scheduler = createManualScheduler();
  const batches: LayoutBatch[] = [];
  const transfers: Transferable[][] = [];
  let clock = 0;
  const handle = createLayoutWorkerHandler({
    post: (batch, transfer) => {
      batches.push(batch);
      transfers.push(transfer);
    },
    schedule: scheduler.schedule,
    now: () => (clock += msPerClockRead),
  });
  return { handle, scheduler, batches, transfers };
}

const request = (requestId: number) => ({
  type: "layout" as const, requestId, ...buildClusterGraph(100), previousIds: [], previousPositions: new Float32Array(0),
});

describe("createLayoutWorkerHandler", () => {
  test("posts a first picture after one tick, then time-budgeted batches until settled", () => {
    const { handle, scheduler, batches, transfers } = harness(10);
    handle(request(1));
    scheduler.drain();
    expect(batches.length).toBeGreaterThan(2);
    expect(batches[0]?.done).toBe(false);
    expect(batches.at(-1)?.done).toBe(true);
    expect(batches.filter((batch) => batch.done)).toHaveLength(1);
    expect(transfers[0]?.[0]).toBe(batches[0]?.positions.buffer);
  });

  test("a cancelled request posts nothing more", () => {
    const { handle, scheduler, batches } = harness(10);
    handle(request(1));
    scheduler.step();
    handle({ type: "cancel", requestId: 1 });
    scheduler.drain();
    expect(batches).toHaveLength(1);
  });

  test("a new request replaces the running one", () => {
    const { handle, scheduler, batches } = harness(10);
    handle(request(1));
    scheduler.step();
    handle(request(2));
    scheduler.drain();
    expect(batches.slice(1).every((batch) => batch.requestId === 2)).toBe(true);
    expect(batches.at(-1)?.done).toBe(true);
  });
});
