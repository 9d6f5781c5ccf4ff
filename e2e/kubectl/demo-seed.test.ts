import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pollUntil } from "./poll";
import { live } from "./pods";
import { cellMismatches, parseTable, type Cell } from "./table";
import { startDemoTarget } from "./target/demoTarget";
import type { KubectlTarget } from "./target/target";

// Demo only (see target/differences.ts, file:demo-seed.test.ts): kubectl on the workloads the demo cluster seeds
// for its users, which have no counterpart on the real control plane. Everything kubectl does to workloads it
// creates itself runs on both targets in the other files.

let t: KubectlTarget;

beforeAll(async () => {
  t = await startDemoTarget();
});

afterAll(() => t?.stop());

const seeded: { kind: string; scope: string[]; name: string | RegExp; cells: Record<string, Cell> }[] = [
  { kind: "nodes", scope: [], name: "node-1", cells: { STATUS: "Ready", ROLES: "control-plane", AGE: /^\d+d$/, VERSION: "v1.32.2" } },
  { kind: "deployments", scope: ["-n", "shop"], name: "frontend", cells: { READY: "3/3", "UP-TO-DATE": "3", AVAILABLE: "3" } },
  { kind: "statefulsets", scope: ["-n", "shop"], name: "redis", cells: { READY: "3/3" } },
  { kind: "daemonsets", scope: ["-n", "kube-system"], name: "kube-proxy", cells: { DESIRED: "3", READY: "3", "NODE SELECTOR": "kubernetes.io/os=linux" } },
  { kind: "jobs", scope: ["-n", "batch"], name: "db-migrate", cells: { STATUS: /^(Running|Failed)$/, COMPLETIONS: "0/1" } },
  { kind: "cronjobs", scope: ["-n", "batch"], name: "report", cells: { SCHEDULE: "*/1 * * * *", SUSPEND: "False" } },
  { kind: "ingresses", scope: ["-n", "shop"], name: "shop", cells: { CLASS: "nginx", HOSTS: "shop.demo.local", ADDRESS: "10.0.0.200", PORTS: "80, 443" } },
  { kind: "pvc", scope: ["-n", "shop"], name: "data-redis-0", cells: { STATUS: "Bound", VOLUME: /^pvc-[0-9a-f-]{36}$/, CAPACITY: "1Gi", "ACCESS MODES": "RWO", STORAGECLASS: "standard" } },
];

describe("the demo's seeded cluster", () => {
  test.each(seeded)("$kind: $name as seeded", async ({ kind, scope, name, cells }) => {
    const rows = parseTable(await t.k.ok(["get", kind, ...scope])).rows;
    const row = rows.find((r) => (typeof name === "string" ? r.NAME === name : name.test(r.NAME ?? "")));
    expect(row, `${String(name)} in:\n${rows.map((r) => Object.values(r).join(" | ")).join("\n")}`).toBeDefined();
    expect(cellMismatches(row!, cells)).toEqual([]);
  });

  test("pods avoid the tainted control plane and carry IPs from their node's podCIDR", async () => {
    const nodes = await t.k.json<{ items: { metadata: { name: string }; spec: { podCIDR: string } }[] }>(["get", "nodes"]);
    const cidrPrefix = new Map(nodes.items.map((n) => [n.metadata.name, n.spec.podCIDR.replace(/0\/24$/, "")]));
    const pods = parseTable(await t.k.ok(["get", "pods", "-n", "shop", "-o", "wide"])).rows.filter((r) => r.IP !== "<none>");
    expect(pods.length).toBeGreaterThan(10);
    for (const row of pods) {
      expect(["node-2", "node-3"], `${row.NAME} avoids the control plane`).toContain(row.NODE);
      expect(row.IP!.startsWith(cidrPrefix.get(row.NODE!)!), `${row.NAME} IP ${row.IP} in ${row.NODE}'s podCIDR`).toBe(true);
    }
  });

  test("the checkout pod crash-loops by itself, with BackOff events", async () => {
    const pod = live(await t.k.pods("shop", "app=checkout"))[0]!;
    const text = await pollUntil(`describe pod ${pod.name} to show a crash loop`, async () => {
      const out = await t.k.ok(["describe", "pod", pod.name, "-n", "shop"]);
      const restarts = Number(/Restart Count:\s+(\d+)/.exec(out)?.[1] ?? 0);
      return { value: restarts > 0 && /Warning\s+BackOff/.test(out) ? out : undefined, seen: out };
    }, { timeoutMs: 60_000 });
    expect(text).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1/);
    expect(text).toMatch(/Warning\s+BackOff\s+.+kubelet\s+Back-off restarting failed container server in pod/);
  }, 90_000);

  test("the leaking pod was OOMKilled: Last State Terminated, exit 137", async () => {
    const pod = live(await t.k.pods("shop", "app=leaky"))[0]!;
    const text = await t.k.ok(["describe", "pod", pod.name, "-n", "shop"]);
    expect(text).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137/);
    expect(Number(/Restart Count:\s+(\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
  });

  test("a kubelet holds its node's Lease under the node's name", async () => {
    const text = await t.k.ok(["describe", "node", "node-2"]);
    expect(text).toMatch(/^Lease:\n\s+HolderIdentity:\s+node-2\n\s+AcquireTime:\s+\S.*\n\s+RenewTime:\s+\S/m);
  });

  test("top pods -A covers the seeded namespaces", async () => {
    const rows = parseTable(await t.k.ok(["top", "pods", "-A"])).rows;
    expect(rows.length).toBeGreaterThan(20);
    for (const ns of ["kube-system", "shop", "monitoring"]) expect(rows.some((r) => r.NAMESPACE === ns), `pods of ${ns}`).toBe(true);
  });
});
