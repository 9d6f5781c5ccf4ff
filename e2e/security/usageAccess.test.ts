import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { WebSocket } from "ws";
import type { TopologyNode } from "@/lib/wire/topology";
import { login, openSocket } from "./harness/http";
import { kubectl } from "./harness/kubectl";
import { noteOutcome, suite } from "./harness/suiteContext";

// CPU and memory are polled with Orrery's own identity; the map shows them only to who may list them in metrics.k8s.io.

const readerRole = "orrery-security-pods-nodes-reader";

beforeAll(async () => {
  // pat may list pods, nodes and namespaces everywhere, and nothing of metrics.k8s.io.
  const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: readerRole }, rules: [{ apiGroups: [""], resources: ["pods", "nodes", "namespaces"], verbs: ["get", "list", "watch"] }] };
  const binding = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: readerRole }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: readerRole }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "pat" }] };
  // The demo publishes no OpenAPI schema for RBAC kinds, so kubectl's client-side validation is skipped.
  await kubectl(["apply", "--validate=false", "-f", "-"], JSON.stringify({ apiVersion: "v1", kind: "List", items: [role, binding] }));
});

afterAll(async () => {
  await kubectl(["delete", "clusterrolebinding,clusterrole", readerRole, "--ignore-not-found"]).catch(() => undefined);
});

const hasUsage = (node: TopologyNode) => node.metrics?.cpuMillicores !== undefined || node.metrics?.memoryBytes !== undefined;

/** One person's map as the stream delivers it: the snapshot with every delta applied, and how many frames carried usage. */
class LiveMap {
  readonly nodes = new Map<string, TopologyNode>();
  framesWithUsage = 0;
  deltas = 0;
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => this.apply(JSON.parse(String(data)) as { type: string; nodes?: TopologyNode[]; upserted?: TopologyNode[]; removed?: string[] }));
    ws.send(JSON.stringify({ type: "subscribe", id: "map", resource: "topology", view: "pods" }));
  }

  static async open(name: string): Promise<LiveMap> {
    const socket = await openSocket("/api/stream", { origin: suite().baseUrl, cookie: await login(name) });
    if (!socket.opened) throw new Error(`the stream refused ${name}: HTTP ${socket.status}`);
    return new LiveMap(socket.ws);
  }

  private apply(message: { type: string; nodes?: TopologyNode[]; upserted?: TopologyNode[]; removed?: string[] }): void {
    if (message.type === "topology-snapshot") this.nodes.clear();
    else if (message.type === "topology-delta") this.deltas++;
    else return;
    const arrived = message.nodes ?? message.upserted ?? [];
    for (const id of message.removed ?? []) this.nodes.delete(id);
    for (const node of arrived) this.nodes.set(node.id, node);
    if (arrived.some(hasUsage)) this.framesWithUsage++;
  }

  of(kind: string): TopologyNode[] {
    return [...this.nodes.values()].filter((node) => node.kind === kind);
  }

  async until(what: string, done: () => boolean, timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("usage on the map", () => {
  test("a person who may list pods and nodes but not metrics.k8s.io gets no CPU or memory, across a poll", async ({ task }) => {
    const [alice, pat] = await Promise.all([LiveMap.open("alice"), LiveMap.open("pat")]);
    try {
      await alice.until("alice's map with pod and node usage", () => alice.of("Pod").some(hasUsage) && alice.of("Node").some(hasUsage));
      await pat.until("pat's map", () => pat.of("Pod").length > 0 && pat.of("Node").length > 0);
      // A later poll reaches alice as a delta with usage: pat's stream was open through it.
      const seen = alice.framesWithUsage;
      await alice.until("a usage poll after both maps opened", () => alice.framesWithUsage > seen);
      const leaked = [...pat.nodes.values()].filter(hasUsage);
      noteOutcome(task, `pat: ${pat.of("Pod").length} pods, ${pat.of("Node").length} hosts, ${leaked.length} with usage, ${pat.framesWithUsage} frames with usage; alice: ${alice.of("Pod").filter(hasUsage).length} pods with usage`);
      expect(leaked).toEqual([]);
      expect(pat.framesWithUsage).toBe(0);
    } finally {
      alice.ws.close();
      pat.ws.close();
    }
  });

  test("a person granted pods.metrics.k8s.io by a RoleBinding (edit in shop) gets the usage of those pods", async ({ task }) => {
    const dev = await LiveMap.open("dev");
    try {
      await dev.until("dev's shop pods with usage", () => dev.of("Pod").some(hasUsage));
      noteOutcome(task, `dev: ${dev.of("Pod").filter(hasUsage).length}/${dev.of("Pod").length} pods with usage`);
      expect(new Set(dev.of("Pod").map((pod) => pod.namespace))).toEqual(new Set(["shop"]));
    } finally {
      dev.ws.close();
    }
  });
});
