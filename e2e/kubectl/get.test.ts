import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import { live } from "./pods";
import { CATALOG, createCatalog } from "./scenario/catalog";
import { suiteFor } from "./scenario/suite";
import { conforms } from "./target/differences";
import { cellMismatches, parseTable, parseTables, type Cell } from "./table";

// kubectl get on every cached kind, with -A, -l, --field-selector and the output formats, against the objects
// this file creates (scenario/catalog.ts). Values a real apiserver picks (IPs, hashes, ages) are matched by shape.

const suite = suiteFor("get", createCatalog);

interface KindCase {
  kind: string;
  namespaced: boolean;
  header: string[];
  /** Picks the row to check. */
  pick: (row: Record<string, string>) => boolean;
  cells: (context: { ns: string; workers: string[] }) => Record<string, Cell>;
}

const byName = (name: string | RegExp) => (row: Record<string, string>) => (typeof name === "string" ? row.NAME === name : name.test(row.NAME ?? ""));
const count = (n: number) => String(n);

const kindCases: KindCase[] = [
  { kind: "pods", namespaced: true, header: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"], pick: byName(/^web-/), cells: () => ({ NAME: /^web-[a-z0-9]+-[a-z0-9]{5}$/, READY: "1/1", STATUS: "Running", RESTARTS: "0", AGE: /^\d+s$/ }) },
  { kind: "nodes", namespaced: false, header: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"], pick: () => true, cells: ({ workers }) => ({ NAME: workers[0]!, STATUS: "Ready", ROLES: /^\S+$/, AGE: /^\d+[smhd]/, VERSION: /^\S+$/ }) },
  { kind: "namespaces", namespaced: false, header: ["NAME", "STATUS", "AGE"], pick: () => true, cells: ({ ns }) => ({ NAME: ns, STATUS: "Active" }) },
  { kind: "deployments", namespaced: true, header: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], pick: byName("web"), cells: () => ({ READY: "3/3", "UP-TO-DATE": "3", AVAILABLE: "3" }) },
  { kind: "replicasets", namespaced: true, header: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"], pick: byName(/^web-/), cells: () => ({ NAME: /^web-[a-z0-9]+$/, DESIRED: "3", CURRENT: "3", READY: "3" }) },
  { kind: "statefulsets", namespaced: true, header: ["NAME", "READY", "AGE"], pick: byName("db"), cells: () => ({ READY: "2/2" }) },
  {
    kind: "daemonsets", namespaced: true, header: ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"], pick: byName("agent"),
    cells: ({ workers }) => ({ DESIRED: count(workers.length), CURRENT: count(workers.length), READY: count(workers.length), "UP-TO-DATE": count(workers.length), AVAILABLE: count(workers.length), "NODE SELECTOR": "kubernetes.io/os=linux" }),
  },
  { kind: "jobs", namespaced: true, header: ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"], pick: byName("once"), cells: () => ({ STATUS: "Complete", COMPLETIONS: "1/1", DURATION: /^\d+s$/ }) },
  { kind: "cronjobs", namespaced: true, header: ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"], pick: byName("nightly"), cells: () => ({ SCHEDULE: CATALOG.cronSchedule, TIMEZONE: "<none>", SUSPEND: "False", ACTIVE: "0", "LAST SCHEDULE": "<none>" }) },
  { kind: "services", namespaced: true, header: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"], pick: byName("web"), cells: () => ({ TYPE: "ClusterIP", "CLUSTER-IP": /^10\.96\.\d+\.\d+$/, "EXTERNAL-IP": "<none>", "PORT(S)": "80/TCP" }) },
  { kind: "endpointslices", namespaced: true, header: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], pick: byName(/^web-/), cells: () => ({ NAME: /^web-[a-z0-9]{5}$/, ADDRESSTYPE: "IPv4", PORTS: "80", ENDPOINTS: /^10\.244\.\d+\.\d+(,10\.244\.\d+\.\d+){2}$/ }) },
  // No ingress controller runs on the real cluster, so ADDRESS may be empty there.
  { kind: "ingresses", namespaced: true, header: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"], pick: byName("web"), cells: () => ({ CLASS: "nginx", HOSTS: CATALOG.host, ADDRESS: /^(\d+\.\d+\.\d+\.\d+)?$/, PORTS: "80" }) },
  { kind: "events", namespaced: true, header: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], pick: (row) => row.REASON === "Scheduled" && /^pod\/web-/.test(row.OBJECT ?? ""), cells: ({ ns }) => ({ "LAST SEEN": /^\d+[sm]/, TYPE: "Normal", MESSAGE: new RegExp(`^Successfully assigned ${ns}/web-\\S+ to \\S+$`) }) },
  // Bound on the demo (its simulated provisioner), Pending on the real cluster (no provisioner): see the differences table.
  { kind: "pvc", namespaced: true, header: ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"], pick: byName("data"), cells: () => ({ STATUS: /^(Bound|Pending)$/, STORAGECLASS: "standard", VOLUMEATTRIBUTESCLASS: "<unset>" }) },
  { kind: "configmaps", namespaced: true, header: ["NAME", "DATA", "AGE"], pick: byName("settings"), cells: () => ({ DATA: "2" }) },
];

describe("kubectl get", () => {
  test.each(kindCases)("$kind prints kubectl's columns and this suite's object", async ({ kind, namespaced, header, pick, cells }) => {
    const { t, ns } = suite();
    const table = parseTable(await t.k.ok(["get", kind, ...(namespaced ? ["-n", ns] : [])]));
    expect(table.header, `header of kubectl get ${kind}`).toEqual(header);
    const context = { ns, workers: await t.workerNodes() };
    const expected = cells(context);
    const candidates = table.rows.filter(pick).filter((row) => typeof expected.NAME !== "string" || row.NAME === expected.NAME);
    expect(candidates.length, `a matching row in:\n${table.rows.map((r) => Object.values(r).join(" | ")).join("\n")}`).toBeGreaterThan(0);
    expect(cellMismatches(candidates[0]!, expected)).toEqual([]);
  });

  test("get all lists the 'all' category in discovery order: pods, services, daemon, deployment, replica and stateful sets, cron jobs, jobs", async () => {
    const { t, ns } = suite();
    const tables = parseTables(await t.k.ok(["get", "all", "-n", ns]));
    const types = tables.map((table) => table.rows[0]?.NAME?.split("/")[0]);
    expect(new Set(types)).toEqual(new Set(["pod", "service", "daemonset.apps", "deployment.apps", "replicaset.apps", "statefulset.apps", "cronjob.batch", "job.batch"]));
    await conforms(t, "getAll.order", async () => {
      expect(types).toEqual(["pod", "service", "daemonset.apps", "deployment.apps", "replicaset.apps", "statefulset.apps", "cronjob.batch", "job.batch"]);
    });
    const names = tables.flatMap((table) => table.rows.map((row) => row.NAME));
    expect(names).toEqual(expect.arrayContaining(["service/web", "deployment.apps/web", "statefulset.apps/db", "pod/db-0", "pod/db-1", "daemonset.apps/agent", "job.batch/once", "cronjob.batch/nightly"]));
  });

  test("-A adds NAMESPACE and spans namespaces", async () => {
    const { t, ns } = suite();
    const deployments = parseTable(await t.k.ok(["get", "deployments", "-A"]));
    expect(deployments.header).toEqual(["NAMESPACE", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
    expect(deployments.rows.map((r) => `${r.NAMESPACE}/${r.NAME}`)).toContain(`${ns}/web`);
    const namespaces = parseTable(await t.k.ok(["get", "namespaces"])).rows.map((r) => r.NAME);
    expect(namespaces).toEqual(expect.arrayContaining(["default", "kube-system", "kube-public", "kube-node-lease", ns]));
    const configMaps = parseTable(await t.k.ok(["get", "configmaps", "-A"]));
    expect(configMaps.header).toEqual(["NAMESPACE", "NAME", "DATA", "AGE"]);
    expect(configMaps.rows.map((r) => `${r.NAMESPACE}/${r.NAME}`)).toContain(`${ns}/settings`);
  });

  test("-l app=web selects the web pods only", async () => {
    const { t, ns } = suite();
    const names = (await t.k.ok(["get", "pods", "-n", ns, "-l", "app=web", "-o", "name"])).trim().split("\n");
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5}$/);
    expect((await t.k.ok(["get", "pods", "-n", ns, "-l", "app in (db),statefulset.kubernetes.io/pod-name=db-1", "-o", "name"])).trim()).toBe("pod/db-1");
  });

  test("--field-selector spec.nodeName returns exactly that node's pods", async () => {
    const { t, ns } = suite();
    const node = live(await t.k.pods(ns, "app=web"))[0]!.node;
    const expected = live(await t.k.pods(ns)).filter((p) => p.node === node).map((p) => p.name);
    const table = parseTable(await t.k.ok(["get", "pods", "-A", "--field-selector", `spec.nodeName=${node}`, "-o", "wide"]));
    expect(table.header[7]).toBe("NODE");
    for (const row of table.rows) expect(row.NODE, JSON.stringify(row)).toBe(node);
    expect(table.rows.filter((r) => r.NAMESPACE === ns).map((r) => r.NAME)).toEqual(expect.arrayContaining(expected));
  });

  test("--field-selector status.phase=Running leaves out the finished job pod; an unknown field is refused", async () => {
    const { t, ns } = suite();
    const finished = (await t.k.pods(ns, "job-name=once")).map((p) => p.name);
    expect(finished).toHaveLength(1);
    const running = (await t.k.ok(["get", "pods", "-n", ns, "--field-selector", "status.phase=Running", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.phase}{\"\\n\"}{end}"])).trim().split("\n");
    expect(running.length).toBeGreaterThanOrEqual(5);
    for (const line of running) expect(line).toMatch(/^\S+ Running$/);
    expect(running.map((line) => line.split(" ")[0])).not.toContain(finished[0]);
    const bad = await t.k.run(["get", "pods", "-n", ns, "--field-selector", "spec.image=x"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("field label not supported: spec.image");
  });

  test("-o wide: pods with IP and NODE, nodes and deployments with their wide columns", async () => {
    const { t, ns } = suite();
    const pods = parseTable(await t.k.ok(["get", "pods", "-n", ns, "-l", "app=web", "-o", "wide"]));
    expect(pods.header).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
    const workers = await t.workerNodes();
    for (const row of pods.rows) {
      expect(cellMismatches(row, { IP: /^10\.244\.\d+\.\d+$/, "NOMINATED NODE": "<none>", "READINESS GATES": "<none>" })).toEqual([]);
      expect(workers, `${row.NAME} runs on a schedulable node`).toContain(row.NODE);
    }
    const nodes = parseTable(await t.k.ok(["get", "nodes", "-o", "wide"]));
    expect(nodes.header).toEqual(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]);
    for (const row of nodes.rows) expect(cellMismatches(row, { "INTERNAL-IP": /^\d+\.\d+\.\d+\.\d+$/, "EXTERNAL-IP": "<none>", "CONTAINER-RUNTIME": /^\S+:?\/?\/?\S*$/ })).toEqual([]);
    const deployments = parseTable(await t.k.ok(["get", "deployments", "-n", ns, "-o", "wide"]));
    expect(deployments.header).toEqual(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"]);
    expect(cellMismatches(deployments.rows.find((r) => r.NAME === "web")!, { CONTAINERS: "web", IMAGES: t.web.image, SELECTOR: "app=web" })).toEqual([]);
  });

  test("-o json is a List whose items carry their apiVersion and kind", async () => {
    const { t, ns } = suite();
    const deployments = await t.k.json<{ apiVersion: string; kind: string; items: { apiVersion: string; kind: string; metadata: { name: string } }[] }>(["get", "deployments", "-n", ns]);
    expect([deployments.apiVersion, deployments.kind]).toEqual(["v1", "List"]);
    expect(deployments.items.map((d) => [d.apiVersion, d.kind, d.metadata.name])).toEqual([["apps/v1", "Deployment", "web"]]);
    const pods = await t.k.json<{ items: { kind: string; metadata: { namespace: string } }[] }>(["get", "pods", "-A"]);
    expect(pods.items.filter((p) => p.metadata.namespace === ns).length).toBeGreaterThanOrEqual(6);
    expect(new Set(pods.items.map((p) => p.kind))).toEqual(new Set(["Pod"]));
  });

  test("-o yaml is the Deployment with spec and status", async () => {
    const { t, ns } = suite();
    const doc = load(await t.k.ok(["get", "deployment", "web", "-n", ns, "-o", "yaml"])) as { apiVersion: string; kind: string; metadata: { name: string; namespace: string; uid: string }; spec: { replicas: number; selector: unknown }; status: { readyReplicas: number; observedGeneration: number } };
    expect([doc.apiVersion, doc.kind, doc.metadata.name, doc.metadata.namespace]).toEqual(["apps/v1", "Deployment", "web", ns]);
    expect(doc.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(doc.spec.replicas).toBe(3);
    expect(doc.spec.selector).toEqual({ matchLabels: { app: "web" } });
    expect(doc.status.readyReplicas).toBe(3);
    expect(doc.status.observedGeneration).toBeGreaterThanOrEqual(1);
  });

  test("-o jsonpath renders fields", async () => {
    const { t, ns } = suite();
    const workers = await t.workerNodes();
    const nodeNames = (await t.k.ok(["get", "nodes", "-o", "jsonpath={.items[*].metadata.name}"])).split(" ");
    expect(nodeNames).toEqual(expect.arrayContaining(workers));
    expect(await t.k.ok(["get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}/{.status.availableReplicas}"])).toBe("3/3");
    expect(await t.k.ok(["get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data.level}"])).toBe("info");
  });
});
