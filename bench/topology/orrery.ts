// Starts the built Orrery (dist/server.js) on the embedded demo cluster on loopback, and stops it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";

export const repoRoot = path.resolve(__dirname, "..", "..");
const serverScript = path.join(repoRoot, "dist", "server.js");

/** A reason not to run at all; the benchmark exits 2 with this message. */
export class BenchRefusal extends Error {}

/** Refuses without a build; warns when the build is older than the topology client it would measure. */
export function requireBuild(): void {
  if (!existsSync(serverScript)) {
    throw new BenchRefusal("dist/server.js is missing: build Orrery first with `npm run build`, then run `npm run bench:topology` again.");
  }
  const buildId = path.join(repoRoot, ".next", "BUILD_ID");
  const built = Math.min(statSync(serverScript).mtimeMs, existsSync(buildId) ? statSync(buildId).mtimeMs : 0);
  const newest = newestMtime(path.join(repoRoot, "components", "topology"));
  if (newest > built) console.log("note: components/topology changed after the last build; this measures the build (run `npm run build` to include the changes)");
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface OrreryProcess {
  baseUrl: string;
  kubeconfigPath: string;
  logPath: string;
  /** The last lines the server wrote, for failure messages. */
  logTail(lines?: number): string;
  running(): boolean;
  /** Kills the server now, synchronously (process exit handler). */
  killNow(): void;
  stop(): Promise<void>;
}

export async function startOrrery(options: { pods: number; nodes: number; workDir: string }): Promise<OrreryProcess> {
  const port = await freePort();
  const kubeconfigPath = path.join(options.workDir, "demo.kubeconfig");
  const logPath = path.join(options.workDir, "orrery.log");
  const out = openSync(logPath, "a");
  const args = [serverScript, "--demo", "--demo-nodes", String(options.nodes), "--demo-pods", String(options.pods)];
  args.push("--host", "127.0.0.1", "--port", String(port), "--demo-kubeconfig-out", kubeconfigPath, "--data-dir", path.join(options.workDir, "data"));
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", out, out], env: { ...process.env, NODE_ENV: "production" } });
  const running = () => child.exitCode === null && child.signalCode === null;
  const logTail = (lines = 15) => (existsSync(logPath) ? readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "");
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    kubeconfigPath,
    logPath,
    logTail,
    running,
    killNow: () => void (running() && child.kill("SIGKILL")),
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const inTime = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
  if (!inTime) {
    child.kill("SIGKILL");
    await exited;
  }
}

/** Waits until /api/healthz says the cache synced; fails at once if the server exits. */
export async function waitForHealth(orrery: OrreryProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let lastReport = started;
  let status = "not answering";
  while (Date.now() - started < timeoutMs) {
    if (!orrery.running()) throw new Error(`Orrery exited before it was ready (log ${orrery.logPath}):\n${orrery.logTail()}`);
    const response = await fetch(`${orrery.baseUrl}/api/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    if (response?.status === 200) return;
    status = response ? `HTTP ${response.status}` : "not answering";
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(`waiting for Orrery at ${orrery.baseUrl}: /api/healthz ${status} after ${Math.round((Date.now() - started) / 1000)} s`);
    }
    await delay(500);
  }
  throw new Error(`Orrery was not ready within ${Math.round(timeoutMs / 1000)} s (/api/healthz ${status}; log ${orrery.logPath}):\n${orrery.logTail()}`);
}
