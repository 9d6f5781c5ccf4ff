import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DemoFaults } from "@/server/demo-cluster/http/faults";
import { expectationById } from "./expectations";
import { startDemoTarget, type StartedTarget } from "./targets/demoTarget";
import { sharedPods } from "./workloads";

// Proves the contract bites: a demo apiserver with one deliberately broken behaviour at a time must fail
// the expectations that cover it, and the same expectations pass on it with the fault switched off.

interface Mutation {
  fault: keyof DemoFaults;
  /** What the broken server does. */
  what: string;
  /** Expectations that must notice it. */
  caughtBy: string[];
}

const mutations: Mutation[] = [
  { fault: "watchWithoutBookmarks", what: "a watch that forgets bookmarks", caughtBy: ["watch.bookmarks"] },
  { fault: "ignoreLabelSelector", what: "a list that ignores the label selector", caughtBy: ["selectors.label", "list.resourceVersion"] },
  { fault: "ignoreFieldSelector", what: "a list that ignores the field selector", caughtBy: ["selectors.field", "selectors.unsupportedField"] },
  { fault: "listIgnoresContinue", what: "paging that ignores the continue token", caughtBy: ["list.paging"] },
  { fault: "logIgnoresTailLines", what: "a log endpoint that ignores tailLines", caughtBy: ["logs.tailLines", "logs.timestamps"] },
  { fault: "strategicPatchAsMerge", what: "strategic merge patches applied as JSON merge patches", caughtBy: ["patch.strategic"] },
  { fault: "expiredWatchAsHttpError", what: "a too-old watch answered with HTTP 410 instead of an ERROR event", caughtBy: ["watch.expired"] },
  { fault: "evictionIgnoresBudgets", what: "evictions that ignore PodDisruptionBudgets", caughtBy: ["eviction.pdbBlocked"] },
];

const faults: DemoFaults = {};
let demo: StartedTarget;
const outcomes: { fault: string; id: string; caught: boolean }[] = [];

beforeAll(async () => {
  demo = await startDemoTarget({ faults });
  // The shared pods are made while the server is sound, so a fault only touches the expectation under test.
  await sharedPods(demo.target);
}, 120_000);

afterAll(async () => {
  await demo?.stop();
  const caught = outcomes.filter((o) => o.caught).length;
  console.log([...outcomes.map((o) => `MUTATION ${o.fault} → ${o.id}: ${o.caught ? "caught" : "MISSED"}`), `MUTATIONS caught=${caught} of ${outcomes.length}`].join("\n"));
});

describe.each(mutations)("mutation $fault ($what)", ({ fault, caughtBy }) => {
  for (const id of caughtBy) {
    const expectation = expectationById(id);
    test(`${id} passes with the fault off`, async () => {
      await expectation.run(demo.target);
    }, expectation.timeoutMs ?? 60_000);

    test(`${id} fails with the fault on`, async () => {
      faults[fault] = true;
      let caught = false;
      try {
        await expect(expectation.run(demo.target)).rejects.toThrow();
        caught = true;
      } finally {
        faults[fault] = false;
        outcomes.push({ fault, id, caught });
      }
    }, expectation.timeoutMs ?? 60_000);
  }
});
