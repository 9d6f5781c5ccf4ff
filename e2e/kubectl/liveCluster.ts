import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startDemoCluster, type DemoCluster } from "@/server/demo-cluster/start";
import type { KubectlResult } from "./kubectlHarness";

// The real kubectl against a running demo cluster (simulation included), and bounded polling for what it converges to.

export interface RunOptions {
  stdin?: string;
  /** Kills kubectl after this long; commands with their own --timeout need more than it. */
  timeoutMs?: number;
}

export interface Watcher {
  output(): string;
  /** Resolves once `done(output)` holds; rejects after `timeoutMs` saying what was expected and what was printed. */
  waitFor(expected: string, done: (output: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): void;
}

/** One pod as the tests reason about it, read from `kubectl get pods -o json`. */
export interface PodSummary {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  phase: string;
  ready: boolean;
  deleting: boolean;
  ownerKind: string;
  ownerName: string;
  restarts: number;
}

interface PodJson {
  metadata: { name: string; namespace?: string; uid?: string; deletionTimestamp?: string; ownerReferences?: { kind: string; name: string; controller?: boolean }[] };
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { restartCount?: number }[] };
}

export function summarizePod(pod: PodJson): PodSummary {
  const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller === true);
  return {
    namespace: pod.metadata.namespace ?? "",
    name: pod.metadata.name,
    uid: pod.metadata.uid ?? "",
    node: pod.spec?.nodeName ?? "",
    phase: pod.status?.phase ?? "",
    ready: (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"),
    deleting: pod.metadata.deletionTimestamp !== undefined,
    ownerKind: owner?.kind ?? "",
    ownerName: owner?.name ?? "",
    restarts: (pod.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
  };
}

/** A compact listing for failure messages. */
export function describePods(pods: readonly PodSummary[]): string {
  if (pods.length === 0) return "(no pods)";
  return pods.map((p) => `${p.namespace}/${p.name} node=${p.node || "-"} phase=${p.phase} ready=${p.ready}${p.deleting ? " deleting" : ""}`).join("\n");
}

/** After a drain: each evicted pod of a ReplicaSet or StatefulSet has a Running successor (another uid) on another node, and only DaemonSet pods stay on `node`. */
export function replacedElsewhere(evicted: readonly PodSummary[], node: string): (pods: PodSummary[]) => boolean {
  const successor = (old: PodSummary, p: PodSummary) =>
    p.ownerKind === old.ownerKind && p.ownerName === old.ownerName && p.uid !== old.uid && !p.deleting && p.phase === "Running" && p.node !== "" && p.node !== node;
  return (pods) => evicted.every((old) => pods.some((p) => successor(old, p))) && pods.every((p) => p.node !== node || p.ownerKind === "DaemonSet");
}

export class LiveCluster {
  private readonly watchers = new Set<ChildProcess>();

  private constructor(
    readonly cluster: DemoCluster,
    private readonly dir: string,
    private readonly kubeconfigPath: string,
  ) {}

  /** The default demo cluster (3 nodes, the hand-made workloads) on an ephemeral loopback port. */
  static async start(): Promise<LiveCluster> {
    const cluster = await startDemoCluster({ port: 0 });
    const dir = await mkdtemp(path.join(tmpdir(), "orrery-kubectl-live-"));
    const kubeconfigPath = path.join(dir, "kubeconfig");
    await writeFile(kubeconfigPath, cluster.kubeconfig, { mode: 0o600 });
    return new LiveCluster(cluster, dir, kubeconfigPath);
  }

  private baseArgs(): string[] {
    return ["--kubeconfig", this.kubeconfigPath, "--cache-dir", path.join(this.dir, "cache")];
  }

  /** Runs kubectl to completion; never throws on a non-zero exit. */
  run(args: string[], options: RunOptions = {}): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const env = { ...process.env, KUBECONFIG: "" };
      const child = execFile("kubectl", [...this.baseArgs(), ...args], { timeout: options.timeoutMs ?? 30_000, env, maxBuffer: 32 * 2 ** 20 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
      if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    });
  }

  /** Runs kubectl and returns stdout; a non-zero exit throws with the command and everything it printed. */
  async ok(args: string[], options: RunOptions = {}): Promise<string> {
    const result = await this.run(args, options);
    if (result.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
    return result.stdout;
  }

  async json<T>(args: string[]): Promise<T> {
    return JSON.parse(await this.ok([...args, "-o", "json"])) as T;
  }

  /** Pods of a namespace (or all with "-A"), optionally by label selector. */
  async pods(namespace: string, selector?: string): Promise<PodSummary[]> {
    const scope = namespace === "-A" ? ["-A"] : ["-n", namespace];
    const list = await this.json<{ items: PodJson[] }>(["get", "pods", ...scope, ...(selector ? ["-l", selector] : [])]);
    return list.items.map(summarizePod);
  }

  /** Polls the pods of `namespace` (by `selector`) until `accept` holds for them; deleting pods are included, flagged. */
  waitForPods(expected: string, namespace: string, selector: string | undefined, accept: (pods: PodSummary[]) => boolean, timeoutMs = 90_000): Promise<PodSummary[]> {
    return pollUntil(expected, async () => {
      const pods = await this.pods(namespace, selector);
      return { value: accept(pods) ? pods : undefined, seen: describePods(pods) };
    }, { timeoutMs });
  }

  /** Waits until the Deployment's status says replicas, updated and available all equal `n`. */
  waitForDeployment(name: string, namespace: string, n: number): Promise<string> {
    return pollUntil(`deployment ${namespace}/${name} status ${n}/${n}/${n} (replicas/updated/available)`, async () => {
      const seen = await this.ok(["get", "deployment", name, "-n", namespace, "-o", "jsonpath={.status.replicas}/{.status.updatedReplicas}/{.status.availableReplicas}"]);
      return { value: seen === `${n}/${n}/${n}` ? seen : undefined, seen };
    });
  }

  /** Starts a long-running kubectl (get -w) whose stdout and stderr accumulate; stopped by stop() or at the end. */
  watch(args: string[]): Watcher {
    const child = spawn("kubectl", [...this.baseArgs(), ...args], { env: { ...process.env, KUBECONFIG: "" } });
    this.watchers.add(child);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = async (expected: string, done: (text: string) => boolean, timeoutMs = 30_000) => {
      await pollUntil(`kubectl ${args.join(" ")} to print ${expected}`, async () => ({ value: done(output) ? output : undefined, seen: output }), { timeoutMs, intervalMs: 100 });
      return output;
    };
    const stop = () => {
      child.kill("SIGKILL");
      this.watchers.delete(child);
    };
    return { output: () => output, waitFor, stop };
  }

  writeFile(name: string, text: string): Promise<string> {
    const file = path.join(this.dir, name);
    return writeFile(file, text).then(() => file);
  }

  async stop(): Promise<void> {
    for (const child of this.watchers) child.kill("SIGKILL");
    await this.cluster.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface Sample<T> {
  /** Defined once the expectation holds. */
  value?: T;
  /** What was observed, for the failure message. */
  seen: string;
}

/** Samples every `intervalMs` until a value comes back; after `timeoutMs` fails with the expectation and the last sample. */
export async function pollUntil<T>(expected: string, sample: () => Promise<Sample<T>>, { timeoutMs = 90_000, intervalMs = 500 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seen = "(nothing sampled)";
  for (;;) {
    const result = await sample();
    if (result.value !== undefined) return result.value;
    seen = result.seen;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`expected ${expected} within ${Math.round(timeoutMs / 1000)}s; last seen:\n${seen}`);
}
