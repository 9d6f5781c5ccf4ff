import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { ChangeBatcher } from "./changeBatcher";

describe("ChangeBatcher", () => {
  test("delivers changes of one turn as one batch on the next turn", async () => {
    const batcher = new ChangeBatcher<number>();
    const batches: number[][] = [];
    batcher.subscribe((batch) => batches.push([...batch]));
    batcher.push(1);
    batcher.push(2);
    expect(batches).toEqual([]);
    await nextTurn();
    expect(batches).toEqual([[1, 2]]);
  });

  test("gives a late subscriber only the changes made after it subscribed", async () => {
    const batcher = new ChangeBatcher<number>();
    const early: number[] = [];
    const late: number[] = [];
    batcher.subscribe((batch) => early.push(...batch));
    batcher.push(1);
    batcher.subscribe((batch) => late.push(...batch));
    batcher.push(2);
    await nextTurn();
    batcher.push(3);
    await nextTurn();
    expect(early).toEqual([1, 2, 3]);
    expect(late).toEqual([2, 3]);
  });

  test("keeps delivering to others when one listener throws, and stops after unsubscribe", async () => {
    const batcher = new ChangeBatcher<string>();
    const seen: string[] = [];
    batcher.subscribe(() => {
      throw new Error("consumer bug");
    });
    const unsubscribe = batcher.subscribe((batch) => seen.push(...batch));
    batcher.push("a");
    await nextTurn();
    unsubscribe();
    batcher.push("b");
    await nextTurn();
    expect(seen).toEqual(["a"]);
  });
});
