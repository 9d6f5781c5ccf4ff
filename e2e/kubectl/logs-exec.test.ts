import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hashString } from "@/server/demo-cluster/logs/rng";
import { startDemoCluster, type DemoCluster } from "@/server/demo-cluster/start";
import { BEHAVIOR_ANNOTATION } from "@/server/demo-cluster/simulation/kubelet/behavior";
import type { ObjectStore } from "@/server/demo-cluster/store";

// kubectl (the machine's, 1.32) against the demo cluster: pods/log, pods/exec and an interactive
// exec through a real pty. With the simulation running, the test's pods are scheduled and run by
// it (one steady, one crash-looping); without it, the test writes the statuses the kubelet would.

const kubectlBin = process.env.KUBECTL ?? "kubectl";
const namespace = "logs-exec-e2e";
let cluster: DemoCluster;
let workdir: string;
let kubeconfigPath: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Own kubeconfig and discovery cache, so nothing outside the temporary directory is read or written. */
const baseArgs = () => ["--kubeconfig", kubeconfigPath, "--cache-dir", path.join(workdir, "cache"), "-n", namespace];

function kubectl(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(kubectlBin, [...baseArgs(), ...args], { timeout: 30_000, env: { ...process.env, KUBECONFIG: "" } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
const running = (name: string, startedMs: number, restartCount = 0, lastState = {}) => ({ name, ready: true, started: true, restartCount, state: { running: { startedAt: iso(startedMs) } }, lastState });
type ContainerStatuses = { name: string; state?: { running?: unknown }; lastState?: { terminated?: unknown } }[];
const statusesOf = (store: ObjectStore, name: string) => ((store.get("pods", namespace, name)?.status as { containerStatuses?: ContainerStatuses } | undefined)?.containerStatuses ?? []);

function addPod(store: ObjectStore, name: string, behavior: string, containers: { name: string; image: string }[]): string {
  return store.create("pods", {
    apiVersion: "v1", kind: "Pod",
    metadata: { name, namespace, labels: { app: name }, annotations: { [BEHAVIOR_ANNOTATION]: behavior } },
    spec: { containers, restartPolicy: "Always" },
    status: { phase: "Pending" },
  }).metadata.uid!;
}

/** The log rate is keyed by (pod uid, container name): rename the container so it logs about twice a second. */
function makeFast(store: ObjectStore, name: string, uid: string): string {
  let container = "nginx";
  for (let i = 0; hashString(`${uid}/${container}`) % 4501 >= 300; i++) container = `nginx-${i}`;
  store.mutate("pods", namespace, name, (pod) => {
    pod.spec = { ...(pod.spec as object), containers: [{ name: container, image: "nginx:1.27" }] };
  });
  return container;
}

/** Without the simulation nothing runs pods: write what its kubelet would report. */
function writeStatuses(store: ObjectStore, webContainer: string): void {
  const now = Date.now();
  const crashed = { terminated: { exitCode: 1, reason: "Error", startedAt: iso(now - 300_000), finishedAt: iso(now - 240_000), containerID: "containerd://e2e" } };
  const set = (name: string, statuses: unknown[]) => store.mutate("pods", namespace, name, (pod) => {
    pod.spec = { ...(pod.spec as object), nodeName: "node-1" };
    pod.status = { phase: "Running", podIP: "10.244.9.9", hostIP: "172.18.0.9", startTime: iso(now - 7_200_000), containerStatuses: statuses };
  });
  set("web", [running(webContainer, now - 7_200_000)]);
  set("crashy", [running("api", now - 230_000, 1, crashed)]);
  set("duo", [running("app", now - 600_000), running("sidecar", now - 600_000)]);
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

async function seedPods(store: ObjectStore): Promise<void> {
  store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  const webContainer = makeFast(store, "web", addPod(store, "web", "steady", [{ name: "nginx", image: "nginx:1.27" }]));
  addPod(store, "crashy", "crashloop", [{ name: "api", image: "example/orders-go:1" }]);
  addPod(store, "duo", "steady", [{ name: "app", image: "nginx:1.27" }, { name: "sidecar", image: "busybox:1.36" }]);
  const simulated = store.list("nodes").length > 0;
  if (!simulated) return writeStatuses(store, webContainer);
  const runningAll = (name: string) => statusesOf(store, name).length > 0 && statusesOf(store, name).every((s) => s.state?.running);
  await waitUntil(() => runningAll("web") && runningAll("duo"), "web and duo to run");
  await waitUntil(() => statusesOf(store, "crashy").some((s) => s.lastState?.terminated), "crashy to restart once");
}

beforeAll(async () => {
  workdir = mkdtempSync(path.join(tmpdir(), "orrery-logs-exec-"));
  kubeconfigPath = path.join(workdir, "kubeconfig");
  cluster = await startDemoCluster({ port: 0 });
  writeFileSync(kubeconfigPath, cluster.kubeconfig, { mode: 0o600 });
  await seedPods(cluster.store);
}, 90_000);

afterAll(async () => {
  await cluster?.stop();
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

/** Runs a command until `until` holds for its stdout (or the timeout), then kills it. */
function runUntil(command: string, args: string[], until: (out: string) => boolean, timeoutMs: number, input?: (out: string, write: (s: string) => void) => void): Promise<Run & { killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, TERM: "xterm", KUBECONFIG: "" } });
    let stdout = "";
    let stderr = "";
    let killed = false;
    const timer = setTimeout(() => stop(), timeoutMs);
    const stop = () => {
      killed = true;
      child.kill("SIGKILL");
    };
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      input?.(stdout, (s) => child.stdin.write(s));
      if (until(stdout)) stop();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, killed });
    });
  });
}

describe("kubectl logs", () => {
  test("--tail prints the last lines", async () => {
    const result = await kubectl("logs", "web", "--tail=5");
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    // nginx's own lines: its entrypoint banner, error-log lines, or access-log lines.
    for (const line of lines) expect(line).toMatch(/docker-entrypoint|by-default\.sh|\[(notice|error|warn)\]|HTTP\/1\.1" \d{3} /);
  });

  test("-f streams lines written after it started", async () => {
    const started = Date.now();
    const follow = await runUntil(kubectlBin, [...baseArgs(), "logs", "-f", "--tail=1", "--timestamps", "web"], (out) => out.split("\n").length > 4, 15_000);
    expect(follow.killed).toBe(true);
    const stamps = follow.stdout.trimEnd().split("\n").map((line) => Date.parse(line.split(" ")[0]!));
    expect(stamps.length).toBeGreaterThanOrEqual(4);
    expect(stamps.at(-1)!).toBeGreaterThan(started);
    expect(stamps.every((stamp, i) => i === 0 || stamp >= stamps[i - 1]!)).toBe(true);
  });

  test("--previous shows the run before the restart, ending in its crash", async () => {
    const previous = await kubectl("logs", "crashy", "--previous");
    expect(previous.code).toBe(0);
    expect(previous.stdout).toContain("panic: runtime error: invalid memory address or nil pointer dereference");
    expect(previous.stdout.trimEnd().split("\n").at(-1)).toBe("\t/usr/local/go/src/net/http/server.go:3285 +0x4b4");
    expect((await kubectl("logs", "duo", "-c", "app", "--previous")).stderr).toContain('previous terminated container "app" in pod "duo" not found');
  });

  test("-c picks the container", async () => {
    const sidecar = await kubectl("logs", "duo", "-c", "sidecar", "--tail=10");
    expect(sidecar.stdout).toMatch(/INFO: processed batch|UTC 20\d\d/);
    expect(sidecar.stdout).not.toContain("HTTP/1.1");
    expect((await kubectl("logs", "duo", "-c", "nope")).stderr).toContain("container nope is not valid for pod duo");
  });
});

describe("kubectl exec", () => {
  test("runs a command and exits 0", async () => {
    const result = await kubectl("exec", "web", "--", "ls", "/");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual(expect.arrayContaining(["bin", "etc", "proc", "usr", "var"]));
  });

  test("passes the command's exit code through", async () => {
    const result = await kubectl("exec", "web", "--", "sh", "-c", "exit 3");
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("command terminated with exit code 3");
  });

  test("-it gives an interactive shell on a terminal", async () => {
    const command = [kubectlBin, ...baseArgs(), "exec", "-it", "web", "--", "sh"].join(" ");
    let typed = 0;
    const session = await runUntil("script", ["-qec", command, "/dev/null"], () => false, 20_000, (out, write) => {
      if (typed === 0 && out.includes("# ")) {
        typed = 1;
        write("echo hi\r");
      } else if (typed === 1 && /\r?\nhi\r?\n/.test(out)) {
        typed = 2;
        write("exit\r");
      }
    });
    expect(session.killed).toBe(false);
    expect(session.code).toBe(0);
    expect(session.stdout).toMatch(/echo hi\r?\nhi\r?\n/);
  });
});
