import { describe, expect, test } from "vitest";
import { ObjectStore } from "../store";
import { computeBudget } from "./disruptionBudget";
import { pod } from "./testing/fixtures";

function budgetFor(spec: Record<string, unknown>, readyPods: number, unreadyPods = 0) {
  const store = new ObjectStore();
  const pods = [
    ...Array.from({ length: readyPods }, (_, i) => pod(`ready-${i}`)),
    ...Array.from({ length: unreadyPods }, (_, i) => pod(`unready-${i}`, { ready: false })),
  ];
  const pdb = { metadata: { name: "web-pdb", namespace: "default" }, spec: { selector: { matchLabels: { app: "web" } }, ...spec } };
  return computeBudget(store, pdb, pods);
}

describe("computeBudget", () => {
  test("minAvailable as a number", () => {
    expect(budgetFor({ minAvailable: 2 }, 3)).toEqual({ expected: 3, healthy: 3, desiredHealthy: 2, allowed: 1 });
    expect(budgetFor({ minAvailable: 3 }, 3).allowed).toBe(0);
  });

  test("percentages round up", () => {
    expect(budgetFor({ minAvailable: "50%" }, 3).desiredHealthy).toBe(2);
    expect(budgetFor({ maxUnavailable: "33%" }, 3)).toMatchObject({ desiredHealthy: 2, allowed: 1 });
    expect(budgetFor({ maxUnavailable: "34%" }, 3)).toMatchObject({ desiredHealthy: 1, allowed: 2 });
  });

  test("unready pods count as expected but not healthy", () => {
    expect(budgetFor({ maxUnavailable: 1 }, 2, 1)).toEqual({ expected: 3, healthy: 2, desiredHealthy: 2, allowed: 0 });
  });

  test("an empty selector covers no pods", () => {
    const store = new ObjectStore();
    const pdb = { metadata: { name: "all", namespace: "default" }, spec: { selector: {}, minAvailable: 1 } };
    expect(computeBudget(store, pdb, [pod("a")]).healthy).toBe(0);
  });
});
