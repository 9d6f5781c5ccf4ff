import { describe, expect, test } from "vitest";
import type { KubectlTarget } from "./target/target";
import { pollUntil } from "./poll";
import { live, runningReady } from "./pods";
import { daemonSet, deployment, list } from "./scenario/manifests";
import { suiteFor, type Suite } from "./scenario/suite";
import { mebibytes, millicores } from "./quantity";
import { parseTable } from "./table";

// kubectl describe (pod, deployment, node) and kubectl top (nodes, pods) on workloads this file creates:
// web (2 replicas), crashy (1 replica whose container crash-loops; see the target's crashLoop fixture) and agent
// (a DaemonSet): kwok's node usage is the sum of its pods', so a node without pods has none to report to top.

async function createWorkloads({ t, ns }: Suite): Promise<void> {
  await t.k.apply(list(
    deployment("web", 2, { namespace: ns, containers: [{ name: "web", image: t.web.image, port: 80 }] }),
    deployment("crashy", 1, { namespace: ns, containers: [{ name: "api", image: t.crashImage }], annotations: t.crashLoopAnnotations }),
    daemonSet("agent", { namespace: ns, containers: [{ name: "agent", image: t.sidecar.image }] }),
  ));
  await t.k.waitForDeployment("web", ns, 2);
  const workers = await t.workerNodes();
  await t.k.waitForPods(`agent ×${workers.length} Running`, ns, "app=agent", (pods) => live(pods).filter(runningReady).length === workers.length, 120_000);
  const [crashy] = await t.k.waitForPods("a crashy pod on a node", ns, "app=crashy", (pods) => live(pods).some((p) => p.node !== ""));
  await t.crashLoop(ns, crashy!.name);
}

const suite = suiteFor("describe", createWorkloads);

const crashyPod = async ({ t, ns }: Suite) => live(await t.k.pods(ns, "app=crashy"))[0]!;

describe("kubectl describe", () => {
  test("deployment: Replicas line, strategy, its new ReplicaSet and the ScalingReplicaSet event", async () => {
    const { t, ns } = suite();
    const text = await t.k.ok(["describe", "deployment", "web", "-n", ns]);
    expect(text).toMatch(/^Name:\s+web$/m);
    expect(text).toMatch(new RegExp(`^Namespace:\\s+${ns}$`, "m"));
    expect(text).toMatch(/^Selector:\s+app=web$/m);
    expect(text).toMatch(/^Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable$/m);
    expect(text).toMatch(/^StrategyType:\s+RollingUpdate$/m);
    expect(text).toMatch(/^RollingUpdateStrategy:\s+25% max unavailable, 25% max surge$/m);
    expect(text).toMatch(/^NewReplicaSet:\s+web-[a-z0-9]+ \(2\/2 replicas created\)$/m);
    expect(text).toMatch(/Normal\s+ScalingReplicaSet\s+.+deployment-controller\s+Scaled up replica set web-[a-z0-9]+ from 0 to 2/);
  });

  test("the crash-looping pod: CrashLoopBackOff, last exit 1, restarts, owner and BackOff events", async () => {
    const { t, ns } = suite();
    const pod = await crashyPod(suite());
    const text = await t.k.ok(["describe", "pod", pod.name, "-n", ns]);
    expect(text).toMatch(new RegExp(`^Name:\\s+${pod.name}$`, "m"));
    expect(text).toMatch(new RegExp(`^Node:\\s+${pod.node}/\\S+$`, "m"));
    expect(text).toMatch(/^Controlled By:\s+ReplicaSet\/crashy-[a-z0-9]+$/m);
    // Between restarts it waits in back-off; for a moment after a crash (the demo's) it is Running again.
    expect(text).toMatch(/State:\s+(Waiting\n\s+Reason:\s+CrashLoopBackOff|Running)\n/);
    expect(text).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1\n/);
    expect(Number(/Restart Count:\s+(\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/Warning\s+BackOff\s+.+kubelet\s+Back-off restarting failed container api in pod/);
  });

  test("get pods shows the crash loop in STATUS and RESTARTS", async () => {
    const { t, ns } = suite();
    const row = parseTable(await t.k.ok(["get", "pods", "-n", ns, "-l", "app=crashy"])).rows[0]!;
    expect(row.READY).toMatch(/^[01]\/1$/);
    expect(row.STATUS).toMatch(/^(CrashLoopBackOff|Error|Running)$/);
    expect(row.RESTARTS).toMatch(/^[1-9]\d* \(\d+[sm](\d+s)? ago\)$/);
  });

  test("node: capacity, allocatable, the Lease and this file's pods among its non-terminated pods", async () => {
    const { t, ns } = suite();
    const pod = live(await t.k.pods(ns, "app=web"))[0]!;
    const text = await t.k.ok(["describe", "node", pod.node]);
    expect(text).toMatch(new RegExp(`^Name:\\s+${pod.node}$`, "m"));
    expect(text).toMatch(/^Capacity:\n\s+cpu:\s+\d+\n[\s\S]*?\s+memory:\s+\d+(Ki|Mi|Gi)\n\s+pods:\s+\d+$/m);
    expect(text).toMatch(/^Allocatable:\n\s+cpu:\s+\d+\n/m);
    expect(text).toMatch(/^Conditions:\n\s+Type\s+Status\s+LastHeartbeatTime/m);
    expect(text).toMatch(/^\s+Ready\s+True\s/m);
    expect(text).toMatch(/^Lease:\n\s+HolderIdentity:\s+\S+\n\s+AcquireTime:\s+\S.*\n\s+RenewTime:\s+\w{3}, \d\d \w{3} \d{4}/m);
    const total = Number(/^Non-terminated Pods:\s+\((\d+) in total\)$/m.exec(text)?.[1]);
    const table = text.split(/^Non-terminated Pods:.*$/m)[1]!.split(/^Allocated resources:/m)[0]!;
    const podLines = table.split("\n").filter((line) => /^\s{2}\S+\s{2,}\S+\s{2,}\d/.test(line));
    expect(total).toBeGreaterThanOrEqual(1);
    expect(podLines, table).toHaveLength(total);
    // web asks for 50m CPU and 32Mi: kubectl prints requests with their share of allocatable.
    expect(table).toMatch(new RegExp(`${ns}\\s+${pod.name}\\s+50m \\(\\d+%\\)\\s+0 \\(0%\\)\\s+32Mi \\(\\d+%\\)\\s+0 \\(0%\\)`));
    expect(text).toMatch(/^Allocated resources:\n\s+\(Total limits may be over 100 percent, i\.e\., overcommitted\.\)/m);
  });
});

async function metricsFor(t: KubectlTarget, args: string[], ready: (rows: Record<string, string>[]) => boolean): Promise<Record<string, string>[]> {
  // metrics-server scrapes every 15 s (the demo answers at once): new pods take a scrape or two to appear.
  return pollUntil(`kubectl ${args.join(" ")} to report usage`, async () => {
    const result = await t.k.run(args);
    const rows = result.code === 0 ? parseTable(result.stdout).rows : [];
    return { value: rows.length > 0 && ready(rows) ? rows : undefined, seen: result.stdout + result.stderr };
  }, { timeoutMs: 120_000, intervalMs: 2_000 });
}

describe("kubectl top", () => {
  test("top nodes: positive usage in m and Mi, percentages of allocatable", async () => {
    const { t } = suite();
    const nodes = await t.k.json<{ items: { metadata: { name: string }; status: { allocatable: { cpu: string; memory: string } } }[] }>(["get", "nodes"]);
    const allocatable = new Map(nodes.items.map((n) => [n.metadata.name, { cpuM: millicores(n.status.allocatable.cpu), memMi: mebibytes(n.status.allocatable.memory) }]));
    const rows = await metricsFor(t, ["top", "nodes"], (r) => r.length === nodes.items.length && r.every((row) => row["CPU(cores)"] !== "<unknown>"));
    expect(Object.keys(rows[0]!)).toEqual(["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"]);
    expect(rows.map((r) => r.NAME).sort()).toEqual([...allocatable.keys()].sort());
    for (const row of rows) {
      const a = allocatable.get(row.NAME!)!;
      const cpu = millicores(row["CPU(cores)"]!);
      const mem = mebibytes(row["MEMORY(bytes)"]!);
      expect(cpu, `${row.NAME} CPU ${row["CPU(cores)"]}`).toBeGreaterThan(0);
      expect(mem, `${row.NAME} memory ${row["MEMORY(bytes)"]}`).toBeGreaterThan(0);
      expect(Math.abs(Number.parseInt(row["CPU(%)"]!, 10) - (cpu / a.cpuM) * 100), `${row.NAME} CPU% ${row["CPU(%)"]}`).toBeLessThan(1.01);
      expect(Math.abs(Number.parseInt(row["MEMORY(%)"]!, 10) - (mem / a.memMi) * 100), `${row.NAME} memory% ${row["MEMORY(%)"]}`).toBeLessThan(1.01);
    }
  }, 150_000);

  test("top pods: every running pod of the namespace with positive CPU (m) and memory (Mi); -A adds NAMESPACE", async () => {
    const { t, ns } = suite();
    const running = live(await t.k.pods(ns, "app=web")).filter(runningReady).map((p) => p.name);
    const rows = await metricsFor(t, ["top", "pods", "-n", ns, "-l", "app=web"], (r) => running.every((name) => r.some((row) => row.NAME === name)));
    expect(Object.keys(rows[0]!)).toEqual(["NAME", "CPU(cores)", "MEMORY(bytes)"]);
    for (const row of rows) {
      expect(millicores(row["CPU(cores)"]!), `${row.NAME} CPU ${row["CPU(cores)"]}`).toBeGreaterThan(0);
      expect(row["MEMORY(bytes)"], row.NAME).toMatch(/^\d+Mi$/);
      expect(mebibytes(row["MEMORY(bytes)"]!)).toBeGreaterThan(0);
    }
    const all = parseTable(await t.k.ok(["top", "pods", "-A"]));
    expect(all.header).toEqual(["NAMESPACE", "NAME", "CPU(cores)", "MEMORY(bytes)"]);
    expect(all.rows.filter((r) => r.NAMESPACE === ns && r.NAME!.startsWith("web-")).map((r) => r.NAME).sort()).toEqual([...running].sort());
  }, 150_000);
});
