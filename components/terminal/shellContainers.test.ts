import { describe, expect, test } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { containerShellUnavailableReason, shellContainers, shellUnavailableReason } from "./shellContainers";

const pod = (annotations?: Record<string, string>): KubeObject =>
  ({
    kind: "Pod",
    metadata: { name: "p", namespace: "n", annotations },
    spec: { initContainers: [{ name: "setup" }], containers: [{ name: "web" }, { name: "sidecar" }] },
  }) as unknown as KubeObject;

describe("shellContainers", () => {
  test("offers the app containers, first one chosen", () => {
    expect(shellContainers(pod())).toEqual({ names: ["web", "sidecar"], initial: "web" });
  });

  test("starts in the annotated default container", () => {
    expect(shellContainers(pod({ "kubectl.kubernetes.io/default-container": "sidecar" })).initial).toBe("sidecar");
  });

  test("ignores an annotation naming no container", () => {
    expect(shellContainers(pod({ "kubectl.kubernetes.io/default-container": "gone" })).initial).toBe("web");
  });
});

describe("shellUnavailableReason", () => {
  const inPhase = (phase: string) => ({ ...pod(), status: { phase } }) as KubeObject;

  test("a running pod can have a shell", () => {
    expect(shellUnavailableReason(inPhase("Running"))).toBeUndefined();
  });

  test("a pending, completed or failed pod says why it cannot", () => {
    expect(shellUnavailableReason(inPhase("Pending"))).toMatch(/not started yet/);
    expect(shellUnavailableReason(inPhase("Succeeded"))).toMatch(/completed/);
    expect(shellUnavailableReason(inPhase("Failed"))).toMatch(/failed/);
  });
});

describe("a container that is not running", () => {
  const withStates = (web: object, sidecar: object) =>
    ({ ...pod(), status: { phase: "Running", containerStatuses: [{ name: "web", state: web }, { name: "sidecar", state: sidecar }] } }) as KubeObject;
  const crashLooping = { waiting: { reason: "CrashLoopBackOff" } };

  test("the Shell button says the container is crash-looping when no container runs", () => {
    expect(shellUnavailableReason(withStates(crashLooping, { terminated: { reason: "Error", exitCode: 1 } }))).toBe('No shell: container "web" is not running (waiting: CrashLoopBackOff).');
  });

  test("with another container running, the button stays usable and the stopped one says why", () => {
    const mixed = withStates(crashLooping, { running: {} });
    expect(shellUnavailableReason(mixed)).toBeUndefined();
    expect(containerShellUnavailableReason(mixed, "web")).toBe('No shell: container "web" is not running (waiting: CrashLoopBackOff).');
    expect(containerShellUnavailableReason(mixed, "sidecar")).toBeUndefined();
  });
});
