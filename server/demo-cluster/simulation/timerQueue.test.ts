import { describe, expect, test } from "vitest";
import { TimerQueue } from "./timerQueue";

describe("TimerQueue", () => {
  test("pops due keys in time order and keeps the earlier time for a key", () => {
    const q = new TimerQueue();
    q.schedule("c", 30);
    q.schedule("a", 10);
    q.schedule("b", 20);
    q.schedule("c", 5);
    q.schedule("a", 50);
    expect(q.popDue(15)).toEqual(["c", "a"]);
    expect(q.popDue(15)).toEqual([]);
    expect(q.popDue(100)).toEqual(["b"]);
    expect(q.size).toBe(0);
  });

  test("a cancelled key does not fire", () => {
    const q = new TimerQueue();
    q.schedule("a", 1);
    q.cancel("a");
    expect(q.popDue(10)).toEqual([]);
  });
});
