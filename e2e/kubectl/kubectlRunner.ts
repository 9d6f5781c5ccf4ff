import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pollUntil } from "./poll";
import { describePods, summarizePod, type PodJson, type PodSummary } from "./pods";

// The machine's kubectl (or $KUBECTL) with one kubeconfig and its own discovery cache, nothing read from ~/.kube.

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

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

export const kubectlBinary = (): string => process.env.KUBECTL ?? "kubectl";

export class KubectlRunner {
  private readonly watchers = new Set<ChildProcess>();

  private constructor(
    readonly kubeconfigPath: string,
    readonly dir: string,
  ) {}

  /** A runner with a private temporary directory (discovery cache, manifests); `kubeconfig` is YAML to write there or a path to use. */
  static async create(kubeconfig: { yaml: string } | { path: string }): Promise<KubectlRunner> {
    const dir = await mkdtemp(path.join(tmpdir(), "orrery-kubectl-"));
    let kubeconfigPath: string;
    if ("path" in kubeconfig) kubeconfigPath = kubeconfig.path;
    else {
      kubeconfigPath = path.join(dir, "kubeconfig");
      await writeFile(kubeconfigPath, kubeconfig.yaml, { mode: 0o600 });
    }
    return new KubectlRunner(kubeconfigPath, dir);
  }

  /** The flags every invocation carries, for commands run through another program (script, for a pty). */
  baseArgs(): string[] {
    return ["--kubeconfig", this.kubeconfigPath, "--cache-dir", path.join(this.dir, "cache")];
  }

  /** Runs kubectl to completion; never throws on a non-zero exit. */
  run(args: string[], options: RunOptions = {}): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const env = { ...process.env, KUBECONFIG: "" };
      const child = execFile(kubectlBinary(), [...this.baseArgs(), ...args], { timeout: options.timeoutMs ?? 30_000, env, maxBuffer: 32 * 2 ** 20 }, (error, stdout, stderr) => {
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

  /** Applies YAML given on stdin. */
  apply(manifest: string, namespace?: string): Promise<string> {
    return this.ok(["apply", ...(namespace ? ["-n", namespace] : []), "-f", "-"], { stdin: manifest });
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
  waitForDeployment(name: string, namespace: string, n: number, timeoutMs = 90_000): Promise<string> {
    return pollUntil(`deployment ${namespace}/${name} status ${n}/${n}/${n} (replicas/updated/available)`, async () => {
      const seen = await this.ok(["get", "deployment", name, "-n", namespace, "-o", "jsonpath={.status.replicas}/{.status.updatedReplicas}/{.status.availableReplicas}"]);
      return { value: seen === `${n}/${n}/${n}` ? seen : undefined, seen };
    }, { timeoutMs });
  }

  /** Starts a long-running kubectl (get -w, logs -f) whose stdout and stderr accumulate; stopped by stop() or at the end. */
  watch(args: string[]): Watcher {
    const child = spawn(kubectlBinary(), [...this.baseArgs(), ...args], { env: { ...process.env, KUBECONFIG: "" } });
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
    this.watchers.clear();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Splits kubectl's table output into rows of cells (columns are separated by 2+ spaces). */
export function tableRows(output: string): string[][] {
  return output.trim().split("\n").filter((line) => line.trim() !== "").map((line) => line.trim().split(/\s{2,}/));
}
