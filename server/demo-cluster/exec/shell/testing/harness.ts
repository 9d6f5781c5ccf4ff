import { ObjectStore } from "../../../store";
import { toPodView } from "../../../logs/podView";
import { makePod, runningStatus } from "../../../logs/testing/podFixtures";
import type { ShellHost } from "../commandTypes";
import { containerFacts } from "../containerFacts";
import { createShellHost, type ExecOptions, runExecProgram } from "../execProgram";
import { InputQueue } from "../inputQueue";
import { BufferOutput } from "../streams";

export const startedMs = Date.parse("2025-03-01T10:00:00Z");

export function makeHost(image = "nginx:1.27", options: Partial<ExecOptions> = {}, env: { name: string; value: string }[] = []): { host: ShellHost; input: InputQueue } {
  const store = new ObjectStore();
  store.create("services", { apiVersion: "v1", kind: "Service", metadata: { name: "orders-db", namespace: "shop" }, spec: { clusterIP: "10.96.12.7", ports: [{ port: 5432, protocol: "TCP" }] } });
  const pod = toPodView(makePod({ name: "web-5f7c9", namespace: "shop", containers: [{ name: "app", image, env }], statuses: [runningStatus("app", startedMs)] }));
  const input = new InputQueue();
  const host = createShellHost(containerFacts(pod, "app", store, startedMs + 60_000), input, { tty: false, stdin: false, now: () => startedMs + 3_600_000, maxWaitMs: 2_000, ...options });
  return { host, input };
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs an exec argv in a host and collects what it printed. */
export async function run(argv: string[], target = makeHost(), options: Partial<ExecOptions> = {}, signal = new AbortController().signal): Promise<RunResult> {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const status = await runExecProgram(argv, target.host, { input: target.input, stdout, stderr }, signal, { tty: false, stdin: false, ...options });
  return { stdout: stdout.text, stderr: stderr.text, status };
}

/** sh -c "script" in a fresh container. */
export function sh(script: string, target = makeHost()): Promise<RunResult> {
  return run(["sh", "-c", script], target);
}
