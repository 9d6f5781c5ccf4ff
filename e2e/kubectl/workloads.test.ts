import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tableRows } from "./kubectlHarness";
import { describePods, LiveCluster, pollUntil, replacedElsewhere, type PodSummary } from "./liveCluster";

// kubectl 1.32 against the live demo cluster (3 nodes, simulation running): the seeded workloads and what the
// controllers, scheduler and kubelets make of kubectl's changes. Tests run in order and share the cluster.

let k: LiveCluster;

beforeAll(async () => {
  k = await LiveCluster.start();
});

afterAll(() => k?.stop());

type Cell = string | RegExp;

interface KindCase {
  kind: string;
  scope: string[];
  header: string[];
  /** Picks the row to check. */
  row: (cells: string[]) => boolean;
  cells: Cell[];
}

const named = (name: string | RegExp) => (cells: string[]) => (typeof name === "string" ? cells[0] === name : name.test(cells[0] ?? ""));

const kindCases: KindCase[] = [
  { kind: "pods", scope: ["-n", "shop"], header: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"], row: named(/^frontend-/), cells: [/^frontend-[a-z0-9]+-[a-z0-9]{5}$/, "1/1", "Running", "0"] },
  { kind: "nodes", scope: [], header: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"], row: named("node-1"), cells: ["node-1", "Ready", "control-plane", /^\d+d$/, "v1.32.2"] },
  { kind: "namespaces", scope: [], header: ["NAME", "STATUS", "AGE"], row: named("shop"), cells: ["shop", "Active"] },
  { kind: "deployments", scope: ["-n", "shop"], header: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], row: named("frontend"), cells: ["frontend", "3/3", "3", "3"] },
  { kind: "replicasets", scope: ["-n", "shop"], header: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"], row: named(/^frontend-/), cells: [/^frontend-[a-z0-9]+$/, "3", "3", "3"] },
  { kind: "statefulsets", scope: ["-n", "shop"], header: ["NAME", "READY", "AGE"], row: named("redis"), cells: ["redis", "3/3"] },
  { kind: "daemonsets", scope: ["-n", "kube-system"], header: ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"], row: named("kube-proxy"), cells: ["kube-proxy", "3", "3", "3", "3", "3", "kubernetes.io/os=linux"] },
  { kind: "jobs", scope: ["-n", "batch"], header: ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"], row: named("db-migrate"), cells: ["db-migrate", /^(Running|Failed)$/, "0/1"] },
  { kind: "cronjobs", scope: ["-n", "batch"], header: ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"], row: named("report"), cells: ["report", "*/1 * * * *", "<none>", "False", /^[01]$/, /^(\d+s|<none>)$/] },
  { kind: "services", scope: ["-n", "shop"], header: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"], row: named("frontend"), cells: ["frontend", "ClusterIP", /^10\.96\.\d+\.\d+$/, "<none>", "80/TCP"] },
  { kind: "endpointslices", scope: ["-n", "shop"], header: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], row: named(/^frontend-/), cells: [/^frontend-[a-z0-9]{5}$/, "IPv4", "80", /^10\.244\.\d+\.\d+(,10\.244\.\d+\.\d+){2}$/] },
  { kind: "ingresses", scope: ["-n", "shop"], header: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"], row: named("shop"), cells: ["shop", "nginx", "shop.demo.local", "10.0.0.200", "80, 443"] },
  { kind: "events", scope: ["-n", "shop"], header: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], row: (cells) => cells[2] === "BackOff", cells: [/^\d+[sm]/, "Warning", "BackOff", /^pod\/checkout-/, /^Back-off restarting failed container server in pod checkout-/] },
  { kind: "pvc", scope: ["-n", "shop"], header: ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"], row: named("data-redis-0"), cells: ["data-redis-0", "Bound", /^pvc-[0-9a-f-]{36}$/, "1Gi", "RWO", "standard", "<unset>"] },
];

function expectCells(row: string[], expected: Cell[], context: string): void {
  expected.forEach((cell, i) => {
    if (typeof cell === "string") expect(row[i], `${context}: column ${i} of ${JSON.stringify(row)}`).toBe(cell);
    else expect(row[i], `${context}: column ${i} of ${JSON.stringify(row)}`).toMatch(cell);
  });
}

const live = (pods: PodSummary[]) => pods.filter((p) => !p.deleting);
const runningReady = (p: PodSummary) => p.phase === "Running" && p.ready;

describe("kubectl get", () => {
  test.each(kindCases)("$kind prints kubectl's columns and the seeded objects", async ({ kind, scope, header, row, cells }) => {
    const rows = tableRows(await k.ok(["get", kind, ...scope]));
    expect(rows[0], `header of kubectl get ${kind}`).toEqual(header);
    const found = rows.slice(1).find(row);
    expect(found, `a matching row in:\n${rows.map((r) => r.join(" | ")).join("\n")}`).toBeDefined();
    expectCells(found!, cells, `kubectl get ${kind} ${scope.join(" ")}`);
  });

  test("get all -n shop lists the 'all' category: pods, services, deployments, replica sets, stateful sets", async () => {
    const blocks = (await k.ok(["get", "all", "-n", "shop"])).trim().split(/\n\s*\n/).map(tableRows);
    const types = blocks.map((rows) => rows[1]?.[0]?.split("/")[0]);
    expect(types).toEqual(["pod", "service", "deployment.apps", "replicaset.apps", "statefulset.apps"]);
    const names = blocks.flatMap((rows) => rows.slice(1).map((r) => r[0]));
    expect(names).toEqual(expect.arrayContaining(["service/frontend", "deployment.apps/frontend", "statefulset.apps/redis", "pod/redis-0"]));
    expect(names.some((n) => /^replicaset\.apps\/frontend-/.test(n ?? ""))).toBe(true);
    const batchTypes = (await k.ok(["get", "all", "-n", "batch"])).trim().split(/\n\s*\n/).map((b) => tableRows(b)[1]?.[0]?.split("/")[0]);
    expect(batchTypes).toEqual(["pod", "job.batch", "cronjob.batch"]);
  });

  test("-A adds NAMESPACE and spans the namespaces", async () => {
    const rows = tableRows(await k.ok(["get", "deployments", "-A"]));
    expect(rows[0]).toEqual(["NAMESPACE", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
    const keys = rows.slice(1).map((r) => `${r[0]}/${r[1]}`);
    expect(keys).toEqual(expect.arrayContaining(["kube-system/coredns", "kube-system/metrics-server", "monitoring/prometheus", "shop/frontend", "shop/checkout"]));
    const namespaces = new Set(tableRows(await k.ok(["get", "pods", "-A"])).slice(1).map((r) => r[0]));
    for (const ns of ["default", "kube-system", "shop", "monitoring", "batch"]) expect(namespaces, `pods in ${ns}`).toContain(ns);
  });

  test("-l app=frontend selects the frontend pods only", async () => {
    const names = (await k.ok(["get", "pods", "-n", "shop", "-l", "app=frontend", "-o", "name"])).trim().split("\n");
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(/^pod\/frontend-[a-z0-9]+-[a-z0-9]{5}$/);
  });

  test("--field-selector spec.nodeName=node-2 returns exactly that node's pods", async () => {
    const expected = (await k.pods("-A")).filter((p) => p.node === "node-2" && p.namespace !== "batch").map((p) => p.name);
    const rows = tableRows(await k.ok(["get", "pods", "-A", "--field-selector", "spec.nodeName=node-2", "-o", "wide"]));
    expect(rows[0]?.[7]).toBe("NODE");
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows.slice(1)) expect(row[7], row.join(" | ")).toBe("node-2");
    expect(rows.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(expected));
  });

  test("--field-selector status.phase=Running leaves out finished pods", async () => {
    const finished = (await k.pods("-A")).filter((p) => p.phase === "Succeeded" || p.phase === "Failed").map((p) => p.name);
    const phases = (await k.ok(["get", "pods", "-A", "--field-selector", "status.phase=Running", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.phase}{\"\\n\"}{end}"])).trim().split("\n");
    expect(phases.length).toBeGreaterThan(20);
    for (const line of phases) expect(line).toMatch(/^\S+ Running$/);
    const names = phases.map((line) => line.split(" ")[0]);
    for (const name of finished) expect(names).not.toContain(name);
  });

  test("-o wide: pods carry IPs from their node's podCIDR; nodes and deployments their wide columns", async () => {
    const nodes = await k.json<{ items: { metadata: { name: string }; spec: { podCIDR: string } }[] }>(["get", "nodes"]);
    const cidrPrefix = new Map(nodes.items.map((n) => [n.metadata.name, n.spec.podCIDR.replace(/0\/24$/, "")]));
    const pods = tableRows(await k.ok(["get", "pods", "-n", "shop", "-o", "wide"]));
    expect(pods[0]).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
    for (const row of pods.slice(1).filter((r) => r[5] !== "<none>")) {
      expect(["node-2", "node-3"], `${row[0]} avoids the tainted control plane`).toContain(row[6]);
      expect(row[5]!.startsWith(cidrPrefix.get(row[6]!)!), `${row[0]} IP ${row[5]} in ${row[6]}'s podCIDR`).toBe(true);
      expect(row.slice(7)).toEqual(["<none>", "<none>"]);
    }
    const nodeRows = tableRows(await k.ok(["get", "nodes", "-o", "wide"]));
    expect(nodeRows[0]).toEqual(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]);
    expect(nodeRows[1]!.slice(5)).toEqual(["10.0.0.10", "<none>", "Debian GNU/Linux 12 (bookworm)", "6.1.0-31-cloud-amd64", "containerd://1.7.24"]);
    const deployments = tableRows(await k.ok(["get", "deployments", "-n", "shop", "-o", "wide"]));
    expect(deployments[0]).toEqual(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"]);
    expect(deployments.find((r) => r[0] === "frontend")!.slice(5)).toEqual(["nginx", "nginx:1.27", "app=frontend"]);
  });

  test("-o json parses into a List whose items carry their kind", async () => {
    const deployments = await k.json<{ kind: string; items: { apiVersion: string; kind: string; metadata: { name: string } }[] }>(["get", "deployments", "-n", "shop"]);
    expect(deployments.kind).toBe("List");
    expect(deployments.items.map((d) => d.metadata.name)).toEqual(expect.arrayContaining(["cart", "catalog", "checkout", "currency", "frontend", "leaky", "payment"]));
    for (const item of deployments.items) expect([item.apiVersion, item.kind]).toEqual(["apps/v1", "Deployment"]);
    const pods = await k.json<{ items: { kind: string }[] }>(["get", "pods", "-A"]);
    expect(pods.items.length).toBeGreaterThan(25);
    expect(new Set(pods.items.map((p) => p.kind))).toEqual(new Set(["Pod"]));
  });

  test("-o yaml is the Deployment with spec and status", async () => {
    const doc = load(await k.ok(["get", "deployment", "frontend", "-n", "shop", "-o", "yaml"])) as { kind: string; metadata: { name: string }; spec: { replicas: number; selector: unknown }; status: { readyReplicas: number } };
    expect(doc.kind).toBe("Deployment");
    expect(doc.metadata.name).toBe("frontend");
    expect(doc.spec.replicas).toBe(3);
    expect(doc.spec.selector).toEqual({ matchLabels: { app: "frontend" } });
    expect(doc.status.readyReplicas).toBe(3);
  });

  test("-o jsonpath renders fields", async () => {
    expect(await k.ok(["get", "nodes", "-o", "jsonpath={.items[*].metadata.name}"])).toBe("node-1 node-2 node-3");
    expect(await k.ok(["get", "deployment", "frontend", "-n", "shop", "-o", "jsonpath={.spec.replicas}/{.status.availableReplicas}"])).toBe("3/3");
    expect(await k.ok(["get", "statefulset", "redis", "-n", "shop", "-o", "jsonpath={.spec.volumeClaimTemplates[0].metadata.name}"])).toBe("data");
  });
});

describe("kubectl top", () => {
  const millicores = (text: string) => Number(/^(\d+)m$/.exec(text)?.[1] ?? NaN);
  const mebibytes = (text: string) => Number(/^(\d+)Mi$/.exec(text)?.[1] ?? NaN);

  test("top nodes: positive usage in m and Mi, percentages of allocatable", async () => {
    const nodes = await k.json<{ items: { metadata: { name: string }; status: { allocatable: { cpu: string; memory: string } } }[] }>(["get", "nodes"]);
    const allocatable = new Map(nodes.items.map((n) => [n.metadata.name, { cpuM: Number(n.status.allocatable.cpu) * 1000, memMi: Number.parseInt(n.status.allocatable.memory, 10) / 1024 }]));
    const rows = tableRows(await k.ok(["top", "nodes"]));
    expect(rows[0]).toEqual(["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["node-1", "node-2", "node-3"]);
    for (const [name, cpu, cpuPct, mem, memPct] of rows.slice(1)) {
      const a = allocatable.get(name!)!;
      expect(millicores(cpu!), `${name} CPU ${cpu}`).toBeGreaterThan(0);
      expect(mebibytes(mem!), `${name} memory ${mem}`).toBeGreaterThan(0);
      expect(Math.abs(Number.parseInt(cpuPct!, 10) - (millicores(cpu!) / a.cpuM) * 100), `${name} CPU% ${cpuPct}`).toBeLessThan(1.01);
      expect(Math.abs(Number.parseInt(memPct!, 10) - (mebibytes(mem!) / a.memMi) * 100), `${name} memory% ${memPct}`).toBeLessThan(1.01);
    }
  });

  test("top pods -A: every running pod with positive CPU (m) and memory (Mi)", async () => {
    const rows = tableRows(await k.ok(["top", "pods", "-A"]));
    expect(rows[0]).toEqual(["NAMESPACE", "NAME", "CPU(cores)", "MEMORY(bytes)"]);
    expect(rows.length).toBeGreaterThan(20);
    for (const [ns, name, cpu, mem] of rows.slice(1)) {
      expect(millicores(cpu!), `${ns}/${name} CPU ${cpu}`).toBeGreaterThan(0);
      expect(mebibytes(mem!), `${ns}/${name} memory ${mem}`).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => r[0] === "shop" && r[1]!.startsWith("frontend-"))).toHaveLength(3);
  });
});

describe("kubectl describe", () => {
  test("deployment frontend: Replicas line, its ReplicaSet and an Events section", async () => {
    const text = await k.ok(["describe", "deployment", "frontend", "-n", "shop"]);
    expect(text).toMatch(/^Name:\s+frontend$/m);
    expect(text).toMatch(/^Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable$/m);
    expect(text).toMatch(/^StrategyType:\s+RollingUpdate$/m);
    expect(text).toMatch(/^NewReplicaSet:\s+frontend-[a-z0-9]+ \(3\/3 replicas created\)$/m);
    expect(text).toMatch(/^Events:/m);
  });

  test("node node-2: Capacity, Allocatable and its non-terminated pods", async () => {
    const text = await k.ok(["describe", "node", "node-2"]);
    expect(text).toMatch(/^Capacity:\n\s+cpu:\s+\d+\n[\s\S]*?\s+memory:\s+\d+Ki\n\s+pods:\s+\d+$/m);
    expect(text).toMatch(/^Allocatable:\n\s+cpu:\s+\d+\n/m);
    const total = Number(/^Non-terminated Pods:\s+\((\d+) in total\)$/m.exec(text)?.[1]);
    const table = text.split(/^Non-terminated Pods:.*$/m)[1]!.split(/^Allocated resources:/m)[0]!;
    const podLines = table.split("\n").filter((line) => /^\s{2}\S+\s{2,}\S+\s{2,}\d/.test(line));
    expect(total).toBeGreaterThan(3);
    expect(podLines, table).toHaveLength(total);
    expect(table).toMatch(/kube-system\s+kube-proxy-\w{5}\s+/);
    expect(text).toMatch(/^Allocated resources:/m);
  });

  test("node node-2: the kubelet's Lease in kube-node-lease", async () => {
    const text = await k.ok(["describe", "node", "node-2"]);
    const lease = /^Lease:.*(\n\s+.*)*/m.exec(text)?.[0];
    expect(lease).toMatch(/^Lease:\n\s+HolderIdentity:\s+node-2\n\s+AcquireTime:\s+\S.*\n\s+RenewTime:\s+\S/);
  });

  test("the crash-looping checkout pod: CrashLoopBackOff, restarts and BackOff events", async () => {
    const pod = (await k.pods("shop", "app=checkout")).find((p) => !p.deleting)!;
    const text = await pollUntil(`describe pod ${pod.name} to show a crash loop`, async () => {
      const out = await k.ok(["describe", "pod", pod.name, "-n", "shop"]);
      const looping = /State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff/.test(out) || /Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1/.test(out);
      const restarts = Number(/Restart Count:\s+(\d+)/.exec(out)?.[1] ?? 0);
      return { value: looping && restarts > 0 && /Warning\s+BackOff/.test(out) ? out : undefined, seen: out };
    }, { timeoutMs: 60_000 });
    expect(text).toMatch(/^Controlled By:\s+ReplicaSet\/checkout-[a-z0-9]+$/m);
    expect(text).toMatch(/Warning\s+BackOff\s+.+kubelet\s+Back-off restarting failed container server in pod/);
  }, 90_000);

  test("the leaking pod was OOMKilled: Last State Terminated, exit 137", async () => {
    const pod = (await k.pods("shop", "app=leaky")).find((p) => !p.deleting)!;
    const text = await k.ok(["describe", "pod", pod.name, "-n", "shop"]);
    expect(text).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137/);
    expect(Number(/Restart Count:\s+(\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
  });
});

const frontends = (expected: string, accept: (live: PodSummary[]) => boolean, timeoutMs?: number) =>
  k.waitForPods(expected, "shop", "app=frontend", (pods) => accept(live(pods)), timeoutMs).then(live);

const replicaSetNames = async () => (await k.ok(["get", "rs", "-n", "shop", "-l", "app=frontend", "-o", "jsonpath={.items[*].metadata.name}"])).split(" ").filter(Boolean);

describe("kubectl changes the live cluster", () => {
  test("get pods -w sees a pod that appears while it runs", async () => {
    const watcher = k.watch(["get", "pods", "-n", "shop", "-w"]);
    const initial = await watcher.waitFor("the initial list of shop pods", (out) => /^frontend-\S+\s+1\/1\s+Running/m.test(out));
    const known = new Set(initial.split("\n").map((line) => line.split(/\s+/)[0]));
    const newCart = (out: string) => out.split("\n").filter((line) => line.startsWith("cart-") && !known.has(line.split(/\s+/)[0]));
    await k.ok(["scale", "deployment", "cart", "-n", "shop", "--replicas", "3"]);
    await watcher.waitFor("a new cart pod, then that pod 1/1 Running", (out) => newCart(out).some((line) => /\s1\/1\s+Running\s/.test(line)), 60_000);
    expect(newCart(watcher.output())[0]).toMatch(/^cart-[a-z0-9]+-[a-z0-9]{5}\s+0\/1\s+(Pending|ContainerCreating)\s+0\s+\d+s$/);
    watcher.stop();
    await k.ok(["scale", "deployment", "cart", "-n", "shop", "--replicas", "2"]);
    await k.waitForPods("2 cart pods after scaling back", "shop", "app=cart", (pods) => live(pods).length === 2);
  }, 120_000);

  test("scale frontend to 5: five Running and Ready, a ScalingReplicaSet event; then back to 3", async () => {
    expect(await k.ok(["scale", "deployment", "frontend", "-n", "shop", "--replicas", "5"])).toBe("deployment.apps/frontend scaled\n");
    await frontends("5 Running, Ready frontend pods", (pods) => pods.length === 5 && pods.every(runningReady));
    await k.waitForDeployment("frontend", "shop", 5);
    const described = await k.ok(["describe", "deployment", "frontend", "-n", "shop"]);
    expect(described).toMatch(/^Replicas:\s+5 desired \| 5 updated \| 5 total \| 5 available \| 0 unavailable$/m);
    expect(described).toMatch(/Normal\s+ScalingReplicaSet\s+.+deployment-controller\s+Scaled up replica set frontend-[a-z0-9]+ (from 3 )?to 5/);
    expect(await k.ok(["scale", "deployment", "frontend", "-n", "shop", "--replicas", "3"])).toBe("deployment.apps/frontend scaled\n");
    await frontends("3 frontend pods left after scaling down", (pods) => pods.length === 3 && pods.every(runningReady));
    await k.waitForDeployment("frontend", "shop", 3);
    expect(tableRows(await k.ok(["get", "deployment", "frontend", "-n", "shop"]))[1]!.slice(0, 4)).toEqual(["frontend", "3/3", "3", "3"]);
  }, 200_000);

  test("rollout restart: rollout status succeeds, a new ReplicaSet runs new pods", async () => {
    const oldSets = await replicaSetNames();
    const oldPods = new Set(live(await k.pods("shop", "app=frontend")).map((p) => p.name));
    expect(await k.ok(["rollout", "restart", "deployment", "frontend", "-n", "shop"])).toBe("deployment.apps/frontend restarted\n");
    const status = await k.ok(["rollout", "status", "deployment", "frontend", "-n", "shop", "--timeout", "90s"], { timeoutMs: 100_000 });
    expect(status).toContain('deployment "frontend" successfully rolled out');
    const sets = await replicaSetNames();
    expect(sets, `ReplicaSets before: ${oldSets.join(", ")}`).toHaveLength(oldSets.length + 1);
    const created = sets.filter((name) => !oldSets.includes(name));
    expect(created).toHaveLength(1);
    const pods = await frontends(`3 Running, Ready pods of ${created[0]}`, (p) => p.length === 3 && p.every((x) => runningReady(x) && x.ownerName === created[0]), 30_000);
    for (const pod of pods) expect(oldPods, `${pod.name} is new`).not.toContain(pod.name);
    expect(tableRows(await k.ok(["get", "rs", created[0]!, "-n", "shop"]))[1]!.slice(1, 4)).toEqual(["3", "3", "3"]);
  }, 150_000);

  test("delete pod: the ReplicaSet replaces it", async () => {
    const victim = live(await k.pods("shop", "app=frontend")).find(runningReady)!;
    expect(await k.ok(["delete", "pod", victim.name, "-n", "shop"], { timeoutMs: 60_000 })).toBe(`pod "${victim.name}" deleted\n`);
    const gone = await k.run(["get", "pod", victim.name, "-n", "shop"]);
    expect(gone.stderr).toContain(`pods "${victim.name}" not found`);
    await frontends(`3 Running, Ready frontends of ${victim.ownerName} without ${victim.name}`, (p) => p.length === 3 && p.every((x) => runningReady(x) && x.name !== victim.name && x.ownerName === victim.ownerName));
  }, 120_000);
});

const nodeStatus = async (node: string) => tableRows(await k.ok(["get", "node", node]))[1]?.[1];

/** The worker (not the control plane) without bare pods (drain refuses those without --force) that runs the most frontends. */
async function drainableWorker(): Promise<string> {
  const pods = live(await k.pods("-A"));
  const workers = ["node-2", "node-3"].filter((node) => !pods.some((p) => p.node === node && p.ownerKind === ""));
  const frontendsOn = (node: string) => pods.filter((p) => p.node === node && p.namespace === "shop" && p.name.startsWith("frontend-")).length;
  const node = workers.sort((a, b) => frontendsOn(b) - frontendsOn(a))[0];
  if (!node) throw new Error(`no worker without bare pods:\n${describePods(pods.filter((p) => p.ownerKind === ""))}`);
  return node;
}

describe("kubectl cordon, drain and uncordon", () => {
  test("cordon marks the node SchedulingDisabled; drain evicts its pods, recreated elsewhere; uncordon", async () => {
    const node = await drainableWorker();
    try {
      expect(await k.ok(["cordon", node])).toBe(`node/${node} cordoned\n`);
      expect(await nodeStatus(node)).toBe("Ready,SchedulingDisabled");
      const evictable = (await k.pods("-A")).filter((p) => p.node === node && !p.deleting && p.ownerKind !== "DaemonSet");
      expect(evictable.filter((p) => p.namespace === "shop").length).toBeGreaterThan(2);
      const drain = await k.run(["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout", "90s"], { timeoutMs: 100_000 });
      expect(drain.code, drain.stderr).toBe(0);
      for (const pod of evictable) expect(drain.stdout).toContain(`evicting pod ${pod.namespace}/${pod.name}\n`);
      expect(drain.stdout).toContain(`node/${node} drained`);
      expect(drain.stderr).toMatch(/Warning: ignoring DaemonSet-managed Pods: .*kube-system\/kube-proxy-/);
      const controlled = evictable.filter((p) => p.ownerKind === "ReplicaSet" || p.ownerKind === "StatefulSet");
      await k.waitForPods(`successors of ${controlled.map((p) => p.name).join(", ")} Running off ${node}, only DaemonSet pods left on it`, "-A", undefined, replacedElsewhere(controlled, node));
      expect(await k.ok(["uncordon", node])).toBe(`node/${node} uncordoned\n`);
      expect(await nodeStatus(node)).toBe("Ready");
    } finally {
      await k.run(["uncordon", node]);
    }
  }, 200_000);

  test("drain refuses a node with a bare pod unless --force", async () => {
    const bare = live(await k.pods("default")).find((p) => p.name === "hello")!;
    const drain = await k.run(["drain", bare.node, "--ignore-daemonsets", "--timeout", "10s"]);
    await k.ok(["uncordon", bare.node]);
    expect(drain.code).not.toBe(0);
    expect(drain.stderr).toContain("cannot delete cannot delete Pods that declare no controller (use --force to override): default/hello");
    expect(drain.stdout).not.toContain("evicting pod");
  });

  test("a PodDisruptionBudget with minAvailable = replicas blocks the drain with kubectl's message", async () => {
    await k.ok(["create", "namespace", "pdb-e2e"]);
    await k.ok(["create", "deployment", "guarded", "-n", "pdb-e2e", "--image", "nginx:1.27", "--replicas", "2"]);
    expect(await k.ok(["create", "pdb", "guarded", "-n", "pdb-e2e", "--selector", "app=guarded", "--min-available", "2"])).toBe("poddisruptionbudget.policy/guarded created\n");
    const pods = await k.waitForPods("2 Running, Ready guarded pods", "pdb-e2e", "app=guarded", (p) => p.length === 2 && p.every(runningReady));
    await pollUntil("the budget to allow 0 disruptions", async () => {
      const seen = await k.ok(["get", "pdb", "guarded", "-n", "pdb-e2e", "-o", "jsonpath={.status.currentHealthy}/{.status.disruptionsAllowed}"]);
      return { value: seen === "2/0" ? seen : undefined, seen: `currentHealthy/disruptionsAllowed = ${seen}` };
    }, { timeoutMs: 30_000 });
    const node = pods[0]!.node;
    const drain = await k.run(["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--pod-selector", "app=guarded", "--timeout", "8s"], { timeoutMs: 30_000 });
    await k.ok(["uncordon", node]);
    expect(drain.code).not.toBe(0);
    expect(drain.stdout).toContain(`evicting pod pdb-e2e/${pods[0]!.name}`);
    expect(drain.stderr).toContain(`error when evicting pods/"${pods[0]!.name}" -n "pdb-e2e" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
    expect(drain.stderr).toContain(`error: unable to drain node "${node}"`);
    expect(drain.stderr).toContain("global timeout reached: 8s");
    const after = live(await k.pods("pdb-e2e", "app=guarded"));
    expect(after.map((p) => p.name).sort()).toEqual(pods.map((p) => p.name).sort());
    await k.ok(["delete", "namespace", "pdb-e2e"], { timeoutMs: 60_000 });
  }, 120_000);
});

const manifest = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-web, labels: {app: hello-web}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: hello-web}}
  template:
    metadata: {labels: {app: hello-web}}
    spec:
      containers:
      - {name: web, image: "nginx:1.27", ports: [{containerPort: 80}], resources: {requests: {cpu: 50m, memory: 32Mi}}}
`;

describe("kubectl create/apply/delete -f and create job --from", () => {
  const ns = ["-n", "apply-e2e"];
  const helloPods = (n: number) => k.waitForPods(`${n} Running, Ready hello-web pods`, "apply-e2e", "app=hello-web", (p) => live(p).length === n && live(p).every(runningReady));

  test("create -f, apply -f, delete -f: pods come and go with the Deployment", async () => {
    expect(await k.ok(["create", "namespace", "apply-e2e"])).toBe("namespace/apply-e2e created\n");
    const file = await k.writeFile("hello-web.yaml", manifest(2));
    expect(await k.ok(["create", "-f", file, ...ns])).toBe("deployment.apps/hello-web created\n");
    await helloPods(2);
    await k.writeFile("hello-web.yaml", manifest(3));
    expect(await k.ok(["apply", "-f", file, ...ns])).toBe("deployment.apps/hello-web configured\n");
    await helloPods(3);
    expect(await k.ok(["apply", "-f", file, ...ns])).toBe("deployment.apps/hello-web unchanged\n");
    expect(await k.ok(["delete", "-f", file, ...ns], { timeoutMs: 60_000 })).toBe('deployment.apps "hello-web" deleted\n');
    await k.waitForPods("no hello-web pods left", "apply-e2e", undefined, (p) => p.length === 0, 60_000);
    const leftovers = await k.run(["get", "deployments,replicasets,pods", ...ns]);
    expect(leftovers.stderr.trim()).toBe("No resources found in apply-e2e namespace.");
    await k.ok(["delete", "namespace", "apply-e2e"], { timeoutMs: 60_000 });
  }, 180_000);

  test("create job --from=cronjob/report: the job completes", async () => {
    expect(await k.ok(["create", "job", "--from=cronjob/report", "-n", "batch", "manual-1"])).toBe("job.batch/manual-1 created\n");
    await pollUntil("job manual-1 Complete 1/1", async () => {
      const cells = tableRows(await k.ok(["get", "job", "manual-1", "-n", "batch"]))[1] ?? [];
      return { value: cells[1] === "Complete" && cells[2] === "1/1" ? cells : undefined, seen: cells.join(" | ") };
    });
    const pods = await k.pods("batch", "job-name=manual-1");
    expect(pods.map((p) => p.phase)).toEqual(["Succeeded"]);
    expect(await k.ok(["get", "job", "manual-1", "-n", "batch", "-o", "jsonpath={.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate} {.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}"])).toBe("manual CronJob/report");
  }, 120_000);
});
