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

const failingCommand = ["sh", "-c", "echo before-exit; echo to-stderr >&2; exit 3"];

async function execStderr(target: ContractTarget): Promise<void> {
  const result = await execInPod(target, await firstPod(target), failingCommand);
  expect(result.stdout).toBe("before-exit\n");
  expect(result.stderr).toBe("to-stderr\n");
  expect(result.status?.status).toBe("Failure");
  expect(result.channels.filter((c) => c !== 255).at(-1)).toBe(Channel.Error);
}

async function execExitCode(target: ContractTarget): Promise<void> {
  const result = await execInPod(target, await firstPod(target), failingCommand);
  // What kubectl turns into "command terminated with exit code 3" and its own exit status.
  expect(result.status).toMatchObject({ status: "Failure", reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } });
  expect(result.status?.message).toMatch(/^command terminated with non-zero exit code/);
}

export const execExpectations: Expectation[] = [
  { id: "exec.stdout", title: "exec over websocket v5.channel.k8s.io: stdout frames, then a Success Status on channel 3", run: execStdout, timeoutMs: 90_000 },
  { id: "exec.stderr", title: "exec of a failing command: stdout and stderr on their own channels, then a Failure Status", run: execStderr, timeoutMs: 90_000 },
  { id: "exec.exitCode", title: "exec of a failing command: NonZeroExitCode Status with an ExitCode cause on channel 3", run: execExitCode, timeoutMs: 90_000 },
];
