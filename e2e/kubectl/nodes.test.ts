import { describe, expect, test } from "vitest";
import { pollUntil } from "./poll";
import { describePods, live, replacedElsewhere, runningReady } from "./pods";
import { barePod, daemonSet, deployment, list, podDisruptionBudget, statefulSet } from "./scenario/manifests";
import { SUITE_LABEL } from "./scenario/namespace";
import { suiteFor, type Suite } from "./scenario/suite";
import { parseTable } from "./table";

// cordon, drain and uncordon. Drains are limited to this file's pods (--pod-selector kc-suite=<namespace>), so
// other suites' pods on the shared nodes stay where they are; the node is uncordoned again in every case.

async function createWorkloads({ t, ns }: Suite): Promise<void> {
  const workers = await t.workerNodes();
  if (workers.length < 2) throw new Error(`drain tests need 2 schedulable nodes, found ${workers.join(", ") || "none"}`);
  const containers = [{ name: "web", image: t.web.image }];
  await t.k.apply(list(
    deployment("web", 4, { namespace: ns, containers }),
    statefulSet("db", 2, { namespace: ns, containers }),
    daemonSet("agent", { namespace: ns, containers }),
    barePod("loner", { namespace: ns, containers, node: workers[0] }),
  ));
  await t.k.waitForPods("web ×4, db ×2, an agent per node and loner Running", ns, undefined, (pods) => {
    const running = live(pods).filter(runningReady);
    const count = (prefix: string) => running.filter((p) => p.name.startsWith(prefix)).length;
    return count("web-") === 4 && count("db-") === 2 && count("agent-") === workers.length && count("loner") === 1;
  }, 120_000);
}

const suite = suiteFor("nodes", createWorkloads);

const nodeStatus = async (node: string) => parseTable(await suite().t.k.ok(["get", "node", node])).rows[0]?.STATUS;
const selector = () => `--pod-selector=${SUITE_LABEL}=${suite().ns}`;

/** The schedulable node without the bare pod that runs most of this file's web pods. */
async function drainableWorker(): Promise<string> {
  const { t, ns } = suite();
  const pods = live(await t.k.pods(ns));
  const bareNodes = new Set(pods.filter((p) => p.ownerKind === "").map((p) => p.node));
  const webOn = (node: string) => pods.filter((p) => p.node === node && p.name.startsWith("web-")).length;
  const node = (await t.workerNodes()).filter((n) => !bareNodes.has(n)).sort((a, b) => webOn(b) - webOn(a))[0];
  if (!node) throw new Error(`no node without a bare pod:\n${describePods(pods)}`);
  return node;
}

describe("kubectl cordon, drain and uncordon", () => {
  test("cordon marks the node SchedulingDisabled; drain evicts its pods, recreated elsewhere; uncordon", async () => {
    const { t, ns } = suite();
    const node = await drainableWorker();
    try {
      expect(await t.k.ok(["cordon", node])).toBe(`node/${node} cordoned\n`);
      expect(await nodeStatus(node)).toBe("Ready,SchedulingDisabled");
      expect(await t.k.ok(["cordon", node])).toBe(`node/${node} already cordoned\n`);
      const evictable = live(await t.k.pods(ns)).filter((p) => p.node === node && p.ownerKind !== "DaemonSet");
      expect(evictable.length, describePods(await t.k.pods(ns))).toBeGreaterThan(0);
      const drain = await t.k.run(["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", selector(), "--timeout", "90s"], { timeoutMs: 100_000 });
      expect(drain.code, drain.stderr).toBe(0);
      for (const pod of evictable) {
        expect(drain.stdout).toContain(`evicting pod ${ns}/${pod.name}\n`);
        expect(drain.stdout).toContain(`pod/${pod.name} evicted\n`);
      }
      expect(drain.stdout).toContain(`node/${node} drained`);
      expect(drain.stderr).toMatch(new RegExp(`Warning: ignoring DaemonSet-managed Pods: ${ns}/agent-[a-z0-9]{5}`));
      await t.k.waitForPods(`successors of ${evictable.map((p) => p.name).join(", ")} Running off ${node}, only the DaemonSet's pod left on it`, ns, undefined, replacedElsewhere(evictable, node));
      expect(await t.k.ok(["uncordon", node])).toBe(`node/${node} uncordoned\n`);
      expect(await nodeStatus(node)).toBe("Ready");
    } finally {
      await t.k.run(["uncordon", node]);
    }
  }, 200_000);

  test("drain refuses a node with a bare pod unless --force", async () => {
    const { t, ns } = suite();
    const loner = live(await t.k.pods(ns, "app=loner"))[0]!;
    try {
      const drain = await t.k.run(["drain", loner.node, "--ignore-daemonsets", selector(), "--timeout", "10s"], { timeoutMs: 30_000 });
      expect(drain.code).not.toBe(0);
      expect(drain.stderr).toContain(`cannot delete Pods that declare no controller (use --force to override): ${ns}/loner`);
      expect(drain.stdout).not.toContain("evicting pod");
      expect(live(await t.k.pods(ns, "app=loner")).map((p) => p.uid)).toEqual([loner.uid]);
    } finally {
      await t.k.run(["uncordon", loner.node]);
    }
  }, 60_000);

  test("a PodDisruptionBudget with minAvailable = replicas blocks the drain with kubectl's message", async () => {
    const { t, ns } = suite();
    await t.k.apply(list(deployment("guarded", 2, { namespace: ns, containers: [{ name: "web", image: t.web.image }] }), podDisruptionBudget("guarded", ns, 2)));
    const pods = await t.k.waitForPods("2 Running, Ready guarded pods", ns, "app=guarded", (p) => live(p).length === 2 && live(p).every(runningReady));
    await pollUntil("the budget to allow 0 disruptions", async () => {
      const seen = await t.k.ok(["get", "pdb", "guarded", "-n", ns, "-o", "jsonpath={.status.currentHealthy}/{.status.disruptionsAllowed}"]);
      return { value: seen === "2/0" ? seen : undefined, seen: `currentHealthy/disruptionsAllowed = ${seen}` };
    }, { timeoutMs: 30_000 });
    expect(parseTable(await t.k.ok(["get", "pdb", "guarded", "-n", ns])).rows[0]).toMatchObject({ NAME: "guarded", "MIN AVAILABLE": "2", "MAX UNAVAILABLE": "N/A", "ALLOWED DISRUPTIONS": "0" });
    const victim = live(pods)[0]!;
    try {
      const drain = await t.k.run(["drain", victim.node, "--ignore-daemonsets", "--delete-emptydir-data", "--pod-selector", "app=guarded", "--timeout", "8s"], { timeoutMs: 30_000 });
      expect(drain.code).not.toBe(0);
      expect(drain.stdout).toContain(`evicting pod ${ns}/${victim.name}`);
      expect(drain.stderr).toContain(`error when evicting pods/"${victim.name}" -n "${ns}" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
      expect(drain.stderr).toContain(`error: unable to drain node "${victim.node}"`);
      expect(drain.stderr).toContain("global timeout reached: 8s");
    } finally {
      await t.k.run(["uncordon", victim.node]);
    }
    expect(live(await t.k.pods(ns, "app=guarded")).map((p) => p.name).sort()).toEqual(live(pods).map((p) => p.name).sort());
  }, 120_000);
});
