import { describe, expect, test } from "vitest";
import { PromQLError } from "../values";
import { SampleBudget } from "./limits";

describe("SampleBudget", () => {
  test("refuses to hold more samples than allowed, in Prometheus's words", () => {
    const budget = new SampleBudget(10, Date.now() + 60_000);
    budget.take(10);
    expect(() => budget.take(1)).toThrow("query processing would load too many samples into memory in query execution");
  });

  test("returns to a mark once a node's children are released", () => {
    const budget = new SampleBudget(10, Date.now() + 60_000);
    const mark = budget.mark();
    budget.take(8);
    budget.resetTo(mark);
    expect(() => budget.take(9)).not.toThrow();
  });

  test("a passed deadline is a timeout and an aborted signal a cancel", () => {
    const late = new SampleBudget(10, Date.now() - 1);
    expect(() => late.checkNow()).toThrow(expect.objectContaining({ type: "timeout" }) as PromQLError);
    const controller = new AbortController();
    controller.abort();
    const canceled = new SampleBudget(10, Date.now() + 60_000, controller.signal);
    expect(() => canceled.checkNow()).toThrow("query was canceled in query execution");
  });
});
