import type { KubeObject } from "@/server/kube/types";
import type { ContainerSpecView, ContainerStatusView } from "../podView";

// Pods shaped like the simulation writes them, for tests.

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

export function runningStatus(name: string, startedMs: number, restartCount = 0, lastState: ContainerStatusView["lastState"] = {}): ContainerStatusView {
  return { name, state: { running: { startedAt: iso(startedMs) } }, lastState, restartCount };
}

export function terminated(reason: string, exitCode: number, startedMs: number, finishedMs: number) {
  return { terminated: { reason, exitCode, startedAt: iso(startedMs), finishedAt: iso(finishedMs), containerID: "containerd://abc" } };
}

export interface PodFixture {
  name: string;
  namespace?: string;
  containers: ContainerSpecView[];
  initContainers?: ContainerSpecView[];
  statuses: ContainerStatusView[];
  initStatuses?: ContainerStatusView[];
  phase?: string;
  nodeName?: string | null;
}

export function makePod(fixture: PodFixture): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: fixture.name, namespace: fixture.namespace ?? "default", uid: `uid-${fixture.name}`, labels: { app: fixture.name } },
    spec: {
      nodeName: fixture.nodeName === null ? undefined : (fixture.nodeName ?? "node-1"),
      containers: fixture.containers,
      initContainers: fixture.initContainers ?? [],
    },
    status: {
      phase: fixture.phase ?? "Running",
      podIP: "10.244.1.17",
      hostIP: "172.18.0.3",
      containerStatuses: fixture.statuses,
      initContainerStatuses: fixture.initStatuses ?? [],
    },
  };
}
