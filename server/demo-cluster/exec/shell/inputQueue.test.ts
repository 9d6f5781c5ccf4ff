import { describe, expect, test } from "vitest";
import { InputQueue } from "./inputQueue";

describe("InputQueue", () => {
  test("reports pressure above the high-water mark and relief once drained", async () => {
    const queue = new InputQueue(10);
    const signals: boolean[] = [];
    queue.onPressure = (full) => signals.push(full);
    queue.push("12345");
    queue.push("67890ab");
    expect(signals).toEqual([true]);
    expect(await queue.read()).toBe("12345");
    expect(signals).toEqual([true]);
    expect(await queue.read()).toBe("67890ab");
    expect(signals).toEqual([true, false]);
  });

  test("a pending read gets null at the end of input or when aborted", async () => {
    const queue = new InputQueue();
    const pending = queue.read();
    queue.end();
    expect(await pending).toBeNull();
    const other = new InputQueue();
    const controller = new AbortController();
    const aborted = other.read(controller.signal);
    controller.abort();
    expect(await aborted).toBeNull();
  });

  test("Ctrl-C goes to the interrupt hook, not into the queue, while one is set", async () => {
    const queue = new InputQueue();
    let interrupts = 0;
    queue.onInterrupt = () => interrupts++;
    queue.push("ab\x03cd");
    expect(interrupts).toBe(1);
    expect(await queue.read()).toBe("abcd");
  });
});
