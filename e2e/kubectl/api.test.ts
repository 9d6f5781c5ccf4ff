// Demo only (see target/differences.ts, file:api.test.ts): exact statuses written straight into the demo store.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { deployment, namespace, node, pod } from "@/server/demo-cluster/http/testing/fixtures";
import { KubectlHarness, tableRows } from "./kubectlHarness";

let k: KubectlHarness;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d+Z$/, "Z");

function owned(object: KubeObject, owner: KubeObject): KubeObject {
  const ref = { apiVersion: owner.apiVersion!, kind: owner.kind!, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true };
  return { ...object, metadata: { ...object.metadata, ownerReferences: [ref] } };
}

function withContainerState(object: KubeObject, state: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  const status = object.status as Record<string, unknown>;
  return { ...object, status: { ...status, containerStatuses: [{ name: "app", ready: false, restartCount: 0, state, ...extra }], ...("phase" in extra ? { phase: extra.phase } : {}) } };
}

function seed(): void {
  const { store } = k;
  store.create("namespaces", namespace("shop"));
  store.create("nodes", { ...node("node-1"), metadata: { name: "node-1", labels: { "node-role.kubernetes.io/control-plane": "" } } });
  store.create("nodes", node("node-2", { ready: false }));
  store.create("nodes", node("node-3"));
  const web = store.create("apps/deployments", { ...deployment("web", 3, "shop"), status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2, unavailableReplicas: 1 } });
  const rs = store.create("apps/replicasets", owned({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-7d4b9", namespace: "shop", labels: { app: "web" } }, spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: (web.spec as { template: unknown }).template }, status: { replicas: 3, readyReplicas: 2 } }, web));
  store.create("pods", owned(pod("web-7d4b9-a1", { namespace: "shop", node: "node-1" }), rs));
  store.create("pods", owned(pod("web-7d4b9-b2", { namespace: "shop", node: "node-1" }), rs));
  const crashing = withContainerState(pod("web-7d4b9-c3", { namespace: "shop", node: "node-3", ready: false }), { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container" } }, { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: minutesAgo(2) } } });
  const crashPod = store.create("pods", owned(crashing, rs));
  store.create("pods", withContainerState(pod("report-1", { labels: { app: "report" }, node: "node-3", phase: "Succeeded", ready: false }), { terminated: { exitCode: 0, reason: "Completed" } }, { phase: "Succeeded" }));
  store.create("pods", withContainerState(pod("hog", { labels: { app: "hog" }, node: "node-1", ready: false }), { terminated: { exitCode: 137, reason: "OOMKilled" } }, { restartCount: 1 }));
  store.create("services", { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { type: "ClusterIP", clusterIP: "10.96.10.20", clusterIPs: ["10.96.10.20"], ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }], selector: { app: "web" } } });
  store.create("events", {
    apiVersion: "v1", kind: "Event", metadata: { name: "web-7d4b9-c3.backoff", namespace: "shop" },
    involvedObject: { apiVersion: "v1", kind: "Pod", name: "web-7d4b9-c3", namespace: "shop", uid: crashPod.metadata.uid, fieldPath: "spec.containers{app}" },
    reason: "BackOff", message: "Back-off restarting failed container app in pod web-7d4b9-c3", type: "Warning", count: 7,
    source: { component: "kubelet", host: "node-3" }, firstTimestamp: minutesAgo(9), lastTimestamp: minutesAgo(1),
  });
}

beforeAll(async () => {
  k = await KubectlHarness.start();
  seed();
});

afterAll(() => k?.stop());

const ok = async (args: string[], stdin?: string) => {
  const result = await k.run(args, stdin);
  expect(result.stderr, `kubectl ${args.join(" ")}`).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
};

describe("kubectl get", () => {
  test("-A prints kubectl's pod columns with derived statuses", async () => {
    const rows = tableRows(await ok(["get", "pods", "-A"]));
    expect(rows[0]).toEqual(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    const byName = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byName.get("web-7d4b9-a1")!.slice(0, 5)).toEqual(["shop", "web-7d4b9-a1", "1/1", "Running", "0"]);
    expect(byName.get("web-7d4b9-c3")!.slice(2, 4)).toEqual(["0/1", "CrashLoopBackOff"]);
    // Ages move on while the test runs: 2m, then 2m1s.
    expect(byName.get("web-7d4b9-c3")![4]).toMatch(/^4 \(2m(\ds)? ago\)$/);
    expect(byName.get("report-1")![3]).toBe("Completed");
    expect(byName.get("hog")![3]).toBe("OOMKilled");
  });

  test("-l and --field-selector filter on the server", async () => {
    expect(tableRows(await ok(["get", "pods", "-n", "shop", "-l", "app=web", "-o", "name"])).flat()).toEqual(["pod/web-7d4b9-a1", "pod/web-7d4b9-b2", "pod/web-7d4b9-c3"]);
    expect(tableRows(await ok(["get", "pods", "-A", "--field-selector", "spec.nodeName=node-3", "-o", "name"])).flat()).toEqual(["pod/report-1", "pod/web-7d4b9-c3"]);
    const bad = await k.run(["get", "pods", "--field-selector", "spec.image=x"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("field label not supported: spec.image");
  });

  test("-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES", async () => {
    const rows = tableRows(await ok(["get", "pods", "-n", "shop", "-o", "wide"]));
    expect(rows[0]).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
    expect(rows[1]!.slice(5)).toEqual(["10.244.0.9", "node-1", "<none>", "<none>"]);
  });

  test("-o json and -o yaml print the objects", async () => {
    const list = JSON.parse(await ok(["get", "deployments", "-n", "shop", "-o", "json"])) as { kind: string; items: KubeObject[] };
    expect(list.kind).toBe("List");
    expect(list.items.map((d) => [d.kind, d.metadata.name, (d.spec as { replicas: number }).replicas])).toEqual([["Deployment", "web", 3]]);
    expect(await ok(["get", "service", "web", "-n", "shop", "-o", "yaml"])).toMatch(/kind: Service\n[\s\S]*clusterIP: 10\.96\.10\.20/);
  });

  test("nodes, deployments and services show their columns", async () => {
    const nodes = tableRows(await ok(["get", "nodes"]));
    expect(nodes.map((r) => r.slice(0, 3))).toEqual([["NAME", "STATUS", "ROLES"], ["node-1", "Ready", "control-plane"], ["node-2", "NotReady", "<none>"], ["node-3", "Ready", "<none>"]]);
    const deployments = tableRows(await ok(["get", "deploy", "-n", "shop"]));
    expect(deployments[0]).toEqual(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
    expect(deployments[1]!.slice(0, 4)).toEqual(["web", "2/3", "3", "2"]);
    const services = tableRows(await ok(["get", "svc", "-n", "shop"]));
    expect(services[1]!.slice(0, 5)).toEqual(["web", "ClusterIP", "10.96.10.20", "<none>", "80/TCP"]);
  });

  test("get all uses the discovery category", async () => {
    const out = await ok(["get", "all", "-n", "shop"]);
    expect(out).toContain("pod/web-7d4b9-a1");
    expect(out).toContain("service/web");
    expect(out).toContain("deployment.apps/web");
    expect(out).toContain("replicaset.apps/web-7d4b9");
  });

  test("-w prints a row when a pod changes", async () => {
    const watcher = k.watch(["get", "pods", "-n", "shop", "-w"]);
    await watcher.waitFor(/web-7d4b9-b2/);
    k.store.mutate("pods", "shop", "web-7d4b9-b2", (d) => {
      (d.status as { containerStatuses: unknown[] }).containerStatuses = [{ name: "app", ready: false, restartCount: 1, state: { waiting: { reason: "ImagePullBackOff" } } }];
    });
    const output = await watcher.waitFor(/web-7d4b9-b2\s+0\/1\s+ImagePullBackOff/);
    expect(output.split("\n")[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
  });
});

describe("kubectl describe", () => {
  test("pod shows its state and its events", async () => {
    const out = await ok(["describe", "pod", "web-7d4b9-c3", "-n", "shop"]);
    expect(out).toMatch(/Name:\s+web-7d4b9-c3/);
    expect(out).toMatch(/Node:\s+node-3/);
    expect(out).toMatch(/Reason:\s+CrashLoopBackOff/);
    expect(out).toMatch(/Controlled By:\s+ReplicaSet\/web-7d4b9/);
    expect(out).toMatch(/Warning\s+BackOff\s+6\ds \(x7 over 9m(\ds)?\)\s+kubelet\s+Back-off restarting failed container app/);
  });

  test("deployment shows replicas and its ReplicaSet", async () => {
    const out = await ok(["describe", "deployment", "web", "-n", "shop"]);
    expect(out).toMatch(/Replicas:\s+3 desired \| 3 updated \| 3 total \| 2 available \| 1 unavailable/);
    expect(out).toMatch(/Selector:\s+app=web/);
  });

  test("node lists its non-terminated pods", async () => {
    const out = await ok(["describe", "node", "node-1"]);
    expect(out).toMatch(/Roles:\s+control-plane/);
    expect(out).toMatch(/Non-terminated Pods:\s+\(3 in total\)/);
    expect(out).toContain("web-7d4b9-a1");
  });
});

describe("kubectl writes", () => {
  test("scale patches the scale subresource", async () => {
    expect(await ok(["scale", "deployment", "web", "-n", "shop", "--replicas=5"])).toBe("deployment.apps/web scaled\n");
    expect((k.store.get("apps/deployments", "shop", "web")!.spec as { replicas: number }).replicas).toBe(5);
  });

  test("create -f, then apply -f twice: created, then configured by a patch", async () => {
    const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: ${image}
        env:
        - {name: MODE, value: demo}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
  namespace: shop
data:
  level: info
`;
    const file = await k.writeFile("api.yaml", manifest("ghcr.io/acme/api:1.0"));
    expect(await ok(["create", "-f", file])).toBe("deployment.apps/api created\nconfigmap/api-config created\n");
    const duplicate = await k.run(["create", "-f", file]);
    expect(duplicate.stderr).toContain('deployments.apps "api" already exists');
    // Like a real cluster: an object made by plain create gets the annotation patched in, with a warning.
    const adopt = await k.run(["apply", "-f", file]);
    expect(adopt.stdout).toContain("deployment.apps/api configured");
    expect(adopt.stderr).toContain("Warning: resource deployments/api is missing the kubectl.kubernetes.io/last-applied-configuration annotation");
    await k.writeFile("api.yaml", manifest("ghcr.io/acme/api:1.1"));
    expect(await ok(["apply", "-f", file])).toContain("deployment.apps/api configured");
    expect(await ok(["apply", "-f", file])).toContain("deployment.apps/api unchanged");
    const stored = k.store.get("apps/deployments", "shop", "api")!;
    expect((stored.spec as { template: { spec: { containers: { image: string; env: unknown[] }[] } } }).template.spec.containers).toEqual([expect.objectContaining({ image: "ghcr.io/acme/api:1.1", env: [{ name: "MODE", value: "demo" }] })]);
    expect(stored.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toContain("api:1.1");
  });

  test("create namespace and configmap through kubectl's protobuf client", async () => {
    expect(await ok(["create", "namespace", "scratch"])).toBe("namespace/scratch created\n");
    expect(await ok(["create", "configmap", "flags", "-n", "scratch", "--from-literal=beta=true"])).toBe("configmap/flags created\n");
    expect(k.store.get("configmaps", "scratch", "flags")?.data).toEqual({ beta: "true" });
  });

  test("delete pod waits until the pod is gone", async () => {
    k.store.create("pods", pod("doomed", { namespace: "shop" }));
    expect(await ok(["delete", "pod", "doomed", "-n", "shop"])).toBe('pod "doomed" deleted\n');
    expect(k.store.get("pods", "shop", "doomed")).toBeUndefined();
  });

  test("cordon and uncordon patch spec.unschedulable", async () => {
    expect(await ok(["cordon", "node-3"])).toBe("node/node-3 cordoned\n");
    expect(tableRows(await ok(["get", "node", "node-3"]))[1]![1]).toBe("Ready,SchedulingDisabled");
    expect(await ok(["uncordon", "node-3"])).toBe("node/node-3 uncordoned\n");
    expect((k.store.get("nodes", undefined, "node-3")!.spec as { unschedulable?: boolean }).unschedulable).toBeUndefined();
  });

  test("drain stops at a PodDisruptionBudget", async () => {
    k.store.create("policy/poddisruptionbudgets", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web-pdb", namespace: "shop" }, spec: { minAvailable: 2, selector: { matchLabels: { app: "web" } } } });
    const result = await k.run(["drain", "node-1", "--ignore-daemonsets", "--force", "--timeout=3s", "--pod-selector=app=web"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget.");
    await ok(["uncordon", "node-1"]);
  });
});

describe("kubectl discovery and auth", () => {
  test("auth can-i answers yes", async () => {
    expect(await ok(["auth", "can-i", "delete", "pods", "-n", "shop"])).toBe("yes\n");
  });

  test("api-resources lists short names, categories and the metrics group", async () => {
    const rows = tableRows(await ok(["api-resources"]));
    expect(rows).toContainEqual(["pods", "po", "v1", "true", "Pod"]);
    expect(rows).toContainEqual(["deployments", "deploy", "apps/v1", "true", "Deployment"]);
    expect(rows.some((r) => r[0] === "pods" && r[1] === "metrics.k8s.io/v1beta1")).toBe(true);
  });

  test("version reports the demo server", async () => {
    expect(await ok(["version"])).toContain("Server Version: v1.32.0-orrery-demo");
  });
});
