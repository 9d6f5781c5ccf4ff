import { describe, expect, test } from "vitest";
import { podRequests, sumPodRequests } from "./podRequests";
import type { Pod } from "./types";

const pod = (phase: string, containers: { cpu?: string; memory?: string }[], init: { cpu?: string; memory?: string }[] = []): Pod => ({
  kind: "Pod",
  metadata: { name: "p" },
  spec: {
    containers: containers.map((requests, i) => ({ name: `c${i}`, resources: { requests: requests as Record<string, string> } })),
    initContainers: init.map((requests, i) => ({ name: `i${i}`, resources: { requests: requests as Record<string, string> } })),
  },
  status: { phase },
});

describe("podRequests", () => {
  test("adds up the containers' requests", () => {
    expect(podRequests(pod("Running", [{ cpu: "250m", memory: "64Mi" }, { cpu: "0.5", memory: "1Gi" }]))).toEqual({ cpuMillicores: 750, memoryBytes: 64 * 2 ** 20 + 2 ** 30 });
  });

  test("a larger init container's request is what the pod reserves", () => {
    expect(podRequests(pod("Running", [{ cpu: "100m" }], [{ cpu: "1" }]))).toEqual({ cpuMillicores: 1000, memoryBytes: 0 });
  });
});

describe("sumPodRequests", () => {
  test("finished pods hold nothing on the host", () => {
    expect(sumPodRequests([pod("Running", [{ cpu: "100m" }]), pod("Failed", [{ cpu: "2" }]), pod("Pending", [{ cpu: "50m" }])])).toEqual({ cpuMillicores: 150, memoryBytes: 0 });
  });
});
