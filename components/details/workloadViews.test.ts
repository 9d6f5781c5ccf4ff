import { describe, expect, test } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { summarizeWorkload } from "./workloadViews";

describe("summarizeWorkload", () => {
  test("a Deployment's replicas, rolling strategy, selector and revision", () => {
    const deployment: KubeObject = {
      kind: "Deployment",
      metadata: { name: "web", annotations: { "deployment.kubernetes.io/revision": "3" } },
      spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } } },
      status: { updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    };
    expect(summarizeWorkload(deployment)).toEqual({
      replicas: { desired: 3, updated: 3, ready: 2, available: 2 },
      strategy: "RollingUpdate (max surge 25%, max unavailable 25%)",
      selector: { app: "web" },
      selectorExpressions: [],
      revision: "3",
    });
  });

  test("a StatefulSet mid-rollout shows both revisions; a DaemonSet counts scheduled pods", () => {
    const statefulSet: KubeObject = { kind: "StatefulSet", metadata: { name: "db" }, spec: { replicas: 2, updateStrategy: { type: "RollingUpdate" } }, status: { currentRevision: "db-1", updateRevision: "db-2", readyReplicas: 2 } };
    expect(summarizeWorkload(statefulSet)).toMatchObject({ replicas: { desired: 2, updated: 0, ready: 2, available: 0 }, strategy: "RollingUpdate", revision: "db-1 → db-2" });
    const daemonSet: KubeObject = { kind: "DaemonSet", metadata: { name: "agent", generation: 4 } as KubeObject["metadata"], spec: { updateStrategy: { type: "OnDelete" } }, status: { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 3, numberAvailable: 3, observedGeneration: 4 } };
    expect(summarizeWorkload(daemonSet)).toMatchObject({ replicas: { desired: 3, updated: 3, ready: 3, available: 3 }, strategy: "OnDelete", revision: "generation 4" });
  });
});
