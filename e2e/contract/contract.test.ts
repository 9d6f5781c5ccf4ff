import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { differenceFor, differences } from "./differences";
import { expectations } from "./expectations";
import type { ContractTarget, Expectation, TargetName } from "./target";
import { Tally } from "./tally";
import { startDemoTarget, type StartedTarget } from "./targets/demoTarget";
import { detectRealCluster } from "./targets/realCluster";
import { startRealTarget } from "./targets/realTarget";

// One set of expectations, run against the embedded demo cluster and, when e2e/cluster is up, a real kube-apiserver.

const tally = new Tally(expectations.length, differences);
const realCluster = detectRealCluster();

/** Registers every expectation for one target; `skipReason` set means the target is not there. */
function defineTarget(name: TargetName, start: () => Promise<StartedTarget>, skipReason?: string): void {
  describe(`contract on ${name}`, () => {
    let started: StartedTarget | undefined;
    beforeAll(async () => {
      if (!skipReason) started = await start();
    }, 120_000);
    afterAll(async () => {
      await started?.stop();
    }, 60_000);
    for (const expectation of expectations) {
      test(`${expectation.id}: ${expectation.title}`, async (ctx) => {
        if (skipReason) {
          tally.skip(name, expectation.id);
          ctx.skip(skipReason);
        }
        await runOne(name, expectation, started!.target);
      }, expectation.timeoutMs ?? 60_000);
    }
  });
}

async function runOne(name: TargetName, expectation: Expectation, target: ContractTarget): Promise<void> {
  const difference = differenceFor(expectation.id, name);
  if (!difference) {
    await expectation.run(target);
    tally.pass(name, expectation.id);
    return;
  }
  // A listed difference must still be one: once the target meets the expectation, the table is out of date.
  await expect(expectation.run(target), `${expectation.id} is listed as a deliberate difference on ${name} but passes there; remove it from differences.ts`).rejects.toThrow();
  tally.differenceHolds(difference);
  tally.skip(name, expectation.id);
}

defineTarget("demo", () => startDemoTarget());
defineTarget("real", () => startRealTarget(realCluster), realCluster.running ? undefined : realCluster.reason);

afterAll(() => {
  const lines = [`CONTRACT real target: ${realCluster.reason}`, ...tally.differenceLines(), tally.summaryLine()];
  console.log(lines.join("\n"));
});
