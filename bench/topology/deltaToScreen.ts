// From a pod created in the cluster to that pod on the map: apiserver → Orrery's watch → /api/stream → layout → the
// frame that paints it at its laid-out position.
import { setTimeout as delay } from "node:timers/promises";
import type { Page } from "@playwright/test";
import type { DemoApi } from "./demoApi";
import { seenAt, watchName } from "./mapProbes";

export interface DeltaPlan {
  count: number;
  /** Unique per run, so names never clash with an earlier run's leftovers. */
  runId: string;
  /**
   * An aggregated map shows namespaces, not pods: each pod then goes into a namespace of its own,
   * and what appears on the map is that namespace's group (named after the namespace).
   */
  aggregated: boolean;
  perPodTimeoutMs: number;
}

interface BenchPod {
  namespace: string;
  name: string;
  /** The name that appears on the map. */
  shownAs: string;
}

function planPods(plan: DeltaPlan): BenchPod[] {
  return Array.from({ length: plan.count }, (_, i) => {
    const name = `orrery-bench-${plan.runId}-${i}`;
    return plan.aggregated ? { namespace: name, name, shownAs: name } : { namespace: "default", name, shownAs: name };
  });
}

async function timeOne(page: Page, api: DemoApi, pod: BenchPod, nodeName: string, timeoutMs: number): Promise<number> {
  await watchName(page, pod.shownAs);
  const createdAt = Date.now();
  await api.createBarePod(pod.namespace, pod.name, nodeName);
  while (Date.now() - createdAt < timeoutMs) {
    const at = await seenAt(page, pod.shownAs);
    if (at !== null) return at - createdAt;
    await delay(20);
  }
  throw new Error(`pod ${pod.namespace}/${pod.name} never appeared on the map within ${Math.round(timeoutMs / 1000)} s of its creation`);
}

/** Creates bare pods one at a time and returns, for each, ms from the create call to the first frame that draws it laid out; deletes them after. */
export async function measureDeltaToScreen(page: Page, api: DemoApi, plan: DeltaPlan): Promise<number[]> {
  const pods = planPods(plan);
  const nodeName = await api.someNodeName();
  const created: BenchPod[] = [];
  // The pan/zoom before may have left the camera anywhere: show the whole map, as a person looking for a new pod would.
  await page.getByRole("button", { name: "Fit" }).click();
  try {
    if (plan.aggregated) for (const pod of pods) await api.createNamespace(pod.namespace);
    const latencies: number[] = [];
    for (const pod of pods) {
      created.push(pod);
      latencies.push(await timeOne(page, api, pod, nodeName, plan.perPodTimeoutMs));
      // A moment between pods so each is its own change, not one of a burst the server coalesces.
      await delay(300);
    }
    return latencies;
  } finally {
    await removeBenchPods(api, plan.aggregated ? pods : created);
  }
}

async function removeBenchPods(api: DemoApi, pods: readonly BenchPod[]): Promise<void> {
  for (const pod of pods) {
    await api.deletePod(pod.namespace, pod.name).catch(() => undefined);
    if (pod.namespace !== "default") await api.deleteNamespace(pod.namespace).catch(() => undefined);
  }
}
