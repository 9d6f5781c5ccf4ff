import { describe, expect, test } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import type { Workload } from "../objects/types";
import { startHarness } from "../testHarness";

const activePods = <T extends KubeObject>(pods: T[]) => pods.filter((p) => !p.metadata.deletionTimestamp);
const statusOf = (d: KubeObject | undefined) => (d?.status ?? {}) as Record<string, number | undefined>;

/** What `kubectl rollout status` waits for. */
function rolledOut(d: KubeObject | undefined): boolean {
  const s = statusOf(d);
  const desired = (d as Workload).spec.replicas ?? 1;
  return (s.observedGeneration ?? 0) >= (d?.metadata.generation ?? 1) && s.updatedReplicas === desired && s.replicas === desired && s.availableReplicas === desired;
}

describe("deployment and replica set controllers", () => {
  test("scaling spec.replicas up and down creates and deletes pods", () => {
    const h = startHarness();
    h.store.mutate("apps/deployments", "shop", "frontend", (d) => {
      (d as Workload).spec.replicas = 5;
    });
    h.sim.settle();
    expect(activePods(h.podsOf("shop", "frontend-"))).toHaveLength(5);
    h.advanceUntil(() => rolledOut(h.store.get("apps/deployments", "shop", "frontend")), 30_000);
    expect(statusOf(h.store.get("apps/deployments", "shop", "frontend")).readyReplicas).toBe(5);

    h.store.mutate("apps/deployments", "shop", "frontend", (d) => {
      (d as Workload).spec.replicas = 2;
    });
    h.sim.settle();
    expect(activePods(h.podsOf("shop", "frontend-"))).toHaveLength(2);
    h.advance(5_000);
    expect(h.podsOf("shop", "frontend-")).toHaveLength(2);
    const messages = h.store.list("events", "shop").map((e) => e.message as string);
    expect(messages.some((m) => /^Scaled down replica set frontend-\w+ from 5 to 2$/.test(m))).toBe(true);
    expect(messages.some((m) => /^Deleted pod: frontend-/.test(m))).toBe(true);
  });

  test("a template change (rollout restart) rolls a new ReplicaSet and the status converges", () => {
    const h = startHarness();
    const before = h.store.list("apps/replicasets", "shop").filter((rs) => rs.metadata.name.startsWith("frontend-"));
    expect(before).toHaveLength(1);
    h.store.mutate("apps/deployments", "shop", "frontend", (d) => {
      const template = (d as Workload).spec.template;
      template.metadata = { ...template.metadata, annotations: { "kubectl.kubernetes.io/restartedAt": "2025-01-15T12:00:00Z" } };
    });
    h.sim.settle();
    const deployment = h.store.get("apps/deployments", "shop", "frontend")!;
    expect(deployment.metadata.generation).toBe(2);
    expect(statusOf(deployment).observedGeneration).toBe(2);
    expect(rolledOut(deployment)).toBe(false);

    h.advanceUntil(() => rolledOut(h.store.get("apps/deployments", "shop", "frontend")), 120_000);
    const sets = h.store.list("apps/replicasets", "shop").filter((rs) => rs.metadata.name.startsWith("frontend-"));
    const fresh = sets.find((rs) => rs.metadata.uid !== before[0]!.metadata.uid)!;
    expect((fresh as Workload).spec.replicas).toBe(3);
    expect(fresh.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect((sets.find((rs) => rs.metadata.uid === before[0]!.metadata.uid) as Workload).spec.replicas).toBe(0);
    const hash = fresh.metadata.labels?.["pod-template-hash"];
    expect(fresh.metadata.name).toBe(`frontend-${hash}`);
    h.advance(10_000);
    const pods = h.podsOf("shop", "frontend-");
    expect(pods).toHaveLength(3);
    for (const pod of pods) expect(pod.metadata.labels?.["pod-template-hash"]).toBe(hash);
    const final = h.store.get("apps/deployments", "shop", "frontend")!;
    expect(final.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect((final.status as { conditions: { type: string; reason: string }[] }).conditions.find((c) => c.type === "Progressing")?.reason).toBe("NewReplicaSetAvailable");
  });

  test("while rolling, available pods never drop below desired minus maxUnavailable", () => {
    const h = startHarness();
    h.store.mutate("apps/deployments", "shop", "frontend", (d) => {
      (d as Workload).spec.template.spec.containers[0]!.image = "nginx:1.28";
    });
    let lowest = Infinity;
    h.advanceUntil(() => {
      const ready = h.podsOf("shop", "frontend-").filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")).length;
      lowest = Math.min(lowest, ready);
      return rolledOut(h.store.get("apps/deployments", "shop", "frontend"));
    }, 120_000, 500);
    expect(lowest).toBeGreaterThanOrEqual(3);
    const serving = activePods(h.podsOf("shop", "frontend-"));
    expect(serving.map((p) => p.spec.containers[0]!.image)).toEqual(["nginx:1.28", "nginx:1.28", "nginx:1.28"]);
  });
});
