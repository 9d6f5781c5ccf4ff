import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// A second Orrery for specs that need other flags than the config's webServer (login on), connected to the
// real control plane; it runs in a process group of its own, so stopping it ends exactly what it started.

const repoRoot = path.resolve(__dirname, "..", "..");

export interface OrreryServer {
  baseUrl: string;
  /** Its --data-dir (audit.log is there); removed when it stops. */
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

function command(): string[] {
  return existsSync(path.join(repoRoot, "dist", "server.js")) ? ["node", "dist/server.js"] : ["npx", "tsx", "server/main.ts", "--dev"];
}

async function waitForPage(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Orrery exited (${child.exitCode}):\n${output()}`);
    if (await fetch(url, { signal: AbortSignal.timeout(30_000) }).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Orrery did not serve ${url} in time:\n${output()}`);
}

/** Starts Orrery on 127.0.0.1:`port` with `kubeconfig` and extra flags; resolves once `readyPath` answers 200. */
export async function startOrrery(port: number, kubeconfig: string, flags: string[], readyPath = "/login"): Promise<OrreryServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "orrery-cluster-e2e-"));
  const [bin, ...base] = command();
  const args = [...base, "--kubeconfig", kubeconfig, "--host", "127.0.0.1", "--port", String(port), "--data-dir", dataDir, ...flags];
  const child = spawn(bin!, args, { cwd: repoRoot, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForPage(`${baseUrl}${readyPath}`, child, () => output, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output: () => output, stop };
}
