import { describe, expect, test } from "vitest";
import { createFrameScheduler } from "./frameScheduler";

describe("createFrameScheduler", () => {
  test("many requests before a frame draw once", () => {
    const frames: Array<() => void> = [];
    let draws = 0;
    const scheduler = createFrameScheduler(() => draws++, (callback) => frames.push(callback), () => undefined);
    scheduler.request();
    scheduler.request();
    scheduler.request();
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(draws).toBe(1);
    scheduler.request();
    expect(frames).toHaveLength(2);
  });

  test("cancel drops the pending frame", () => {
    const cancelled: number[] = [];
    const scheduler = createFrameScheduler(() => undefined, () => 7, (handle) => cancelled.push(handle));
    scheduler.request();
    scheduler.cancel();
    expect(cancelled).toEqual([7]);
  });
});
