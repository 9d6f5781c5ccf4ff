// The demo apiserver as the benchmark uses it, through its kubeconfig: count pods, create and delete bare pods.
import { existsSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";

export class DemoApi {
  private constructor(private readonly core: CoreV1Api) {}

  static async fromKubeconfig(path: string, timeoutMs = 60_000): Promise<DemoApi> {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(path)) {
      if (Date.now() > deadline) throw new Error(`the demo kubeconfig never appeared at ${path}`);
      await delay(200);
    }
    const config = new KubeConfig();
    config.loadFromFile(path);
    return new DemoApi(config.makeApiClient(CoreV1Api));
  }

  /** Pods in all namespaces, from one list call with limit=1 (remainingItemCount carries the rest). */
  async podCount(): Promise<number> {
    const list = await this.core.listPodForAllNamespaces({ limit: 1 });
    return list.items.length + (list.metadata?.remainingItemCount ?? 0);
  }

  async someNodeName(): Promise<string> {
    const name = (await this.core.listNode({ limit: 1 })).items[0]?.metadata?.name;
    if (!name) throw new Error("the demo cluster has no nodes");
    return name;
  }

  async createNamespace(name: string): Promise<void> {
    await this.core.createNamespace({ body: { metadata: { name, labels: { "bench.orrery.dev/run": "topology" } } } });
  }

  async deleteNamespace(name: string): Promise<void> {
    await this.core.deleteNamespace({ name });
  }

  /** A pod without an owner, already bound to `nodeName`, so the scheduler has nothing to do. */
  async createBarePod(namespace: string, name: string, nodeName: string): Promise<void> {
    const body = {
      metadata: { name, namespace, labels: { "bench.orrery.dev/run": "topology" } },
      spec: { nodeName, containers: [{ name: "pause", image: "registry.k8s.io/pause:3.10" }] },
    };
    await this.core.createNamespacedPod({ namespace, body });
  }

  async deletePod(namespace: string, name: string): Promise<void> {
    await this.core.deleteNamespacedPod({ namespace, name, gracePeriodSeconds: 0 });
  }
}

/**
 * Waits until the demo holds about `target` pods: the simulation's controllers create them over a while.
 * Done at 98 % of the target, or when the count has not moved for 15 s (reported, so the reader sees the real size).
 */
export async function waitForPopulation(api: DemoApi, target: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last = -1;
  let lastChange = started;
  let lastReport = 0;
  while (Date.now() - started < timeoutMs) {
    const count = await api.podCount();
    if (count !== last) [last, lastChange] = [count, Date.now()];
    if (count >= target * 0.98) return count;
    if (Date.now() - lastChange > 15_000) {
      console.log(`note: the demo stopped at ${count} pods of the ${target} asked for; measuring with ${count}`);
      return count;
    }
    if (Date.now() - lastReport > 5_000) {
      lastReport = Date.now();
      console.log(`demo cluster: ${count} of ${target} pods after ${Math.round((Date.now() - started) / 1000)} s`);
    }
    await delay(1_000);
  }
  throw new Error(`the demo cluster held only ${last} of ${target} pods after ${Math.round(timeoutMs / 1000)} s`);
}
