import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServingCert } from "@/server/demo-cluster/http/selfSignedCert";
import { renderKubeconfig } from "@/server/demo-cluster/kubeconfig";
import { createDemoApiServer, type DemoApiServer } from "@/server/demo-cluster/server";
import { ObjectStore } from "@/server/demo-cluster/store";
import { seedSystemObjects } from "@/server/demo-cluster/systemObjects";
import type { KubectlResult } from "./kubectlRunner";

export { tableRows } from "./kubectlRunner";

/** Demo only: a demo apiserver without simulation over TLS (kubectl sends tokens only over https) and the real kubectl pointed at it. */
export class KubectlHarness {
  private readonly watchers = new Set<ChildProcess>();

  private constructor(
    readonly store: ObjectStore,
    private readonly server: DemoApiServer,
    private readonly dir: string,
    private readonly kubeconfigPath: string,
  ) {}

  static async start(): Promise<KubectlHarness> {
    const store = new ObjectStore();
    seedSystemObjects(store);
    const token = "kubectl-e2e-token";
    const tls = createServingCert(["127.0.0.1", "localhost"]);
    const server = createDemoApiServer({ store, token, tls });
    const url = await server.listen(0, "127.0.0.1");
    const dir = await mkdtemp(path.join(tmpdir(), "orrery-kubectl-"));
    const kubeconfigPath = path.join(dir, "kubeconfig");
    await writeFile(kubeconfigPath, renderKubeconfig(url, token, tls.certPem), { mode: 0o600 });
    return new KubectlHarness(store, server, dir, kubeconfigPath);
  }

  private baseArgs(): string[] {
    return ["--kubeconfig", this.kubeconfigPath, "--cache-dir", path.join(this.dir, "cache")];
  }

  /** Runs kubectl to completion (20 s at most); never throws on a non-zero exit. */
  run(args: string[], stdin?: string): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const child = execFile("kubectl", [...this.baseArgs(), ...args], { timeout: 20_000, env: { ...process.env, KUBECONFIG: "" } }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  }

  /** Starts a long-running kubectl (get -w) whose output accumulates; stopped by stopAll. */
  watch(args: string[]): { output: () => string; waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string> } {
    const child = spawn("kubectl", [...this.baseArgs(), ...args], { env: { ...process.env, KUBECONFIG: "" } });
    this.watchers.add(child);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = (pattern: RegExp, timeoutMs = 10_000) =>
      new Promise<string>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (pattern.test(output)) {
            clearInterval(poll);
            resolve(output);
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`kubectl ${args.join(" ")} never printed ${pattern}; it printed:\n${output}`));
          }
        }, 50);
      });
    return { output: () => output, waitFor };
  }

  async stop(): Promise<void> {
    for (const child of this.watchers) child.kill("SIGKILL");
    await this.server.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  writeFile(name: string, text: string): Promise<string> {
    const file = path.join(this.dir, name);
    return writeFile(file, text).then(() => file);
  }
}
