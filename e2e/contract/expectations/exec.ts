import { expect } from "vitest";
import { Channel, execInPod } from "../execClient";
import type { ContractTarget, Expectation } from "../target";
import { sharedPods } from "../workloads";

const firstPod = async (target: ContractTarget) => (await sharedPods(target))[0]!.metadata.name;

async function execStdout(target: ContractTarget): Promise<void> {
  const result = await execInPod(target, await firstPod(target), ["echo", "contract-exec-ok"]);
  expect(result.protocol).toBe("v5.channel.k8s.io");
  expect(result.stdout).toBe("contract-exec-ok\n");
  expect(result.stderr).toBe("");
  expect(result.status).toMatchObject({ status: "Success" });
  // Output comes before the status; the status is the last data frame (v5 close signals aside).
  const dataFrames = result.channels.filter((c) => c !== 255);
  expect(dataFrames.at(-1)).toBe(Channel.Error);
  expect(dataFrames).toContain(Channel.StdOut);
  expect(result.closeCode).toBe(1000);
}

async function execExitCode(target: ContractTarget): Promise<void> {
  const result = await execInPod(target, await firstPod(target), ["sh", "-c", "echo before-exit; echo to-stderr >&2; exit 3"]);
  expect(result.stdout).toBe("before-exit\n");
  expect(result.stderr).toBe("to-stderr\n");
  expect(result.status).toMatchObject({ status: "Failure", reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } });
  expect(result.status?.message).toMatch(/non-zero exit code/);
}

export const execExpectations: Expectation[] = [
  { id: "exec.stdout", title: "exec over websocket v5.channel.k8s.io: stdout frames, then a Success Status on channel 3", run: execStdout, timeoutMs: 90_000 },
  { id: "exec.exitCode", title: "exec of a failing command: NonZeroExitCode Status with an ExitCode cause on channel 3", run: execExitCode, timeoutMs: 90_000 },
];
