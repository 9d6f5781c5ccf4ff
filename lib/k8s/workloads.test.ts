import { describe, expect, test } from "vitest";
import { groupWorkloads, type WorkloadInput } from "./workloads";
import type { Pod, Workload } from "./types";

const owned = (name: string, uid: string, owner?: { kind: string; uid: string }, extra: Partial<Workload> = {}): Workload => ({
  metadata: { name, namespace: "shop", uid, ownerReferences: owner ? [{ apiVersion: "v1", kind: owner.kind, name: "x", uid: owner.uid, controller: true }] : undefined },
  ...extra,
});
const pod = (name: string, ownerUid?: string): Pod => ({ metadata: owned(name, `pod-${name}`, ownerUid ? { kind: "ReplicaSet", uid: ownerUid } : undefined).metadata });

const empty: WorkloadInput = { deployments: [], replicasets: [], statefulsets: [], daemonsets: [], jobs: [], cronjobs: [], pods: [] };

describe("groupWorkloads", () => {
  test("pods of a Deployment's ReplicaSets are grouped under the Deployment", () => {
    const input: WorkloadInput = {
      ...empty,
      deployments: [owned("frontend", "d1", undefined, { spec: { replicas: 3 }, status: { readyReplicas: 2 } })],
      replicasets: [owned("frontend-old", "rs1", { kind: "Deployment", uid: "d1" }), owned("frontend-new", "rs2", { kind: "Deployment", uid: "d1" })],
      pods: [pod("a", "rs1"), pod("b", "rs2"), pod("c", "rs2")],
    };
    const { groups, standalonePods } = groupWorkloads(input);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: "Deployment", progress: "2/3", healthy: false });
    expect(groups[0]!.pods.map((p) => p.metadata.name)).toEqual(["a", "b", "c"]);
    expect(standalonePods).toEqual([]);
  });

  test("Jobs fold into their CronJob and a bare ReplicaSet stands alone", () => {
    const input: WorkloadInput = {
      ...empty,
      cronjobs: [owned("report", "cj1", undefined, { status: { active: [{}] } })],
      jobs: [owned("report-123", "j1", { kind: "CronJob", uid: "cj1" }), owned("once", "j2", undefined, { status: { succeeded: 1 } })],
      replicasets: [owned("bare-rs", "rs9")],
      pods: [pod("r", "j1"), pod("o", "j2"), pod("x", "rs9"), pod("lonely")],
    };
    const { groups, standalonePods } = groupWorkloads(input);
    const byName = Object.fromEntries(groups.map((g) => [g.object.metadata.name, g]));
    expect(byName.report).toMatchObject({ kind: "CronJob", progress: "1 active" });
    expect(byName.report!.pods.map((p) => p.metadata.name)).toEqual(["r"]);
    expect(byName.once).toMatchObject({ kind: "Job", progress: "1/1", healthy: true });
    expect(byName["bare-rs"]!.pods).toHaveLength(1);
    expect(standalonePods.map((p) => p.metadata.name)).toEqual(["lonely"]);
  });

  test("a DaemonSet reports ready over desired", () => {
    const ds = owned("agent", "ds1", undefined, { status: { desiredNumberScheduled: 3, numberReady: 3 } });
    expect(groupWorkloads({ ...empty, daemonsets: [ds] }).groups[0]).toMatchObject({ progress: "3/3", healthy: true });
  });
});
