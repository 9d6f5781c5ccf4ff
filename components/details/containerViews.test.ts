import { describe, expect, test } from "vitest";
import { containersOf } from "./containerViews";
import type { KubeObject } from "@/lib/k8s/types";

describe("containersOf", () => {
  test("joins a pod's containers with their live status", () => {
    const pod: KubeObject = {
      kind: "Pod",
      metadata: { name: "p" },
      spec: { initContainers: [{ name: "setup", image: "busybox" }], containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "100m" }, limits: { memory: "128Mi" } } }] },
      status: {
        initContainerStatuses: [{ name: "setup", state: { terminated: { reason: "Completed", exitCode: 0 } } }],
        containerStatuses: [{ name: "app", ready: false, restartCount: 4, state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s" } }, lastState: { terminated: { reason: "Error", exitCode: 1, finishedAt: "2026-01-01T00:00:00Z" } } }],
      },
    };
    expect(containersOf(pod)).toEqual([
      { name: "setup", init: true, image: "busybox", state: "Terminated: Completed", ready: undefined, restarts: undefined, requests: undefined, limits: undefined },
      {
        name: "app", init: false, image: "nginx:1.27", state: "Waiting: CrashLoopBackOff", stateMessage: "back-off 40s",
        lastState: "Terminated: Error, exit code 1", lastFinishedAt: "2026-01-01T00:00:00Z",
        ready: false, restarts: 4, requests: { cpu: "100m" }, limits: { memory: "128Mi" },
      },
    ]);
  });

  test("reads a Deployment's and a CronJob's pod template", () => {
    const deployment: KubeObject = { kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [{ name: "web", image: "web:1" }] } } } };
    const cronJob: KubeObject = { kind: "CronJob", metadata: { name: "c" }, spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "job", image: "job:1" }] } } } } } };
    expect(containersOf(deployment)).toMatchObject([{ name: "web", image: "web:1", state: "template" }]);
    expect(containersOf(cronJob)).toMatchObject([{ name: "job" }]);
    expect(containersOf({ kind: "Service", metadata: { name: "s" } })).toEqual([]);
  });
});
