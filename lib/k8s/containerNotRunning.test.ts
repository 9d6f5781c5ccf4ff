import { describe, expect, test } from "vitest";
import { containerNotRunning } from "./containerNotRunning";
import type { Pod } from "./types";

const podWith = (state: object): Pod => ({ kind: "Pod", metadata: { name: "checkout-1", namespace: "shop" }, status: { phase: "Running", containerStatuses: [{ name: "server", state }] } });

describe("containerNotRunning", () => {
  test("a crash-looping container is waiting in CrashLoopBackOff", () => {
    expect(containerNotRunning(podWith({ waiting: { reason: "CrashLoopBackOff" } }), "server")).toBe('container "server" is not running (waiting: CrashLoopBackOff)');
  });

  test("a terminated container names its reason and exit code", () => {
    expect(containerNotRunning(podWith({ terminated: { reason: "Error", exitCode: 1 } }), "server")).toBe('container "server" is not running (terminated: Error, exit code 1)');
  });

  test("a running container, or one without a reported state, is not refused", () => {
    expect(containerNotRunning(podWith({ running: {} }), "server")).toBeUndefined();
    expect(containerNotRunning(podWith({ running: {} }), "sidecar")).toBeUndefined();
  });
});
