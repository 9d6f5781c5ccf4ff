// Starts and stops the processes the login specs need: the OpenID provider and Orrery itself.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns a process group of our own, so stopping it ends its children (tsx, Next workers) too. */
function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface OidcProviderProcess extends Started {
  issuer: string;
  stats(): Promise<{ grants: Record<string, number>; endSessions: number; sessionsDestroyed: number }>;
}

export async function startOidcProvider(options: { redirectUri: string; postLogoutUri: string; accessTtlSeconds: number }): Promise<OidcProviderProcess> {
  const args = ["tsx", "e2e/auth/oidcProvider.ts", "--redirect-uri", options.redirectUri, "--post-logout-uri", options.postLogoutUri, "--access-ttl", String(options.accessTtlSeconds)];
  const started = startGroup("npx", args, process.env);
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start:\n${started.output()}`)), 60_000);
    started.process.stdout!.on("data", () => {
      const match = /\{"issuer":"([^"]+)"\}/.exec(started.output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    started.process.once("exit", (code) => reject(new Error(`the OpenID provider exited (${code}):\n${started.output()}`)));
  });
  return {
    ...started,
    issuer,
    stats: async () => (await fetch(`${issuer}/__test/stats`)).json() as ReturnType<OidcProviderProcess["stats"]>,
  };
}

export interface OrreryProcess extends Started {
  baseUrl: string;
  dataDir: string;
}

function orreryCommand(): string[] {
  // The production build when there is one (npm test builds first): a dev server compiling pages on first visit
  // made the first test outrun its timeout. ORRERY_E2E_AUTH_USE_DEV=1 runs the sources instead.
  if (process.env.ORRERY_E2E_AUTH_USE_DEV !== "1" && existsSync(path.join(repoRoot, "dist", "server.js"))) return ["node", "dist/server.js"];
  return ["npx", "tsx", "server/main.ts", "--dev"];
}

async function waitForLoginPage(baseUrl: string, started: Started, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.process.exitCode !== null) throw new Error(`Orrery exited (${started.process.exitCode}):\n${started.output()}`);
    // The login page answers only once the server, the cluster cache and Next's compilation are up.
    const ok = await fetch(`${baseUrl}/login`, { signal: AbortSignal.timeout(60_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`Orrery did not serve ${baseUrl}/login in time:\n${started.output()}`);
}

/** Orrery on 127.0.0.1:<port> with the given login flags and environment, on the demo cluster unless `clusterArgs` name another. */
export async function startOrrery(port: number, loginArgs: string[], env: Record<string, string> = {}, clusterArgs: string[] = ["--demo"]): Promise<OrreryProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "orrery-auth-e2e-"));
  const [command, ...baseArgs] = orreryCommand();
  const args = [...baseArgs, ...clusterArgs, "--host", "127.0.0.1", "--port", String(port), "--data-dir", dataDir, ...loginArgs];
  const started = startGroup(command!, args, { ...process.env, ...env });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForLoginPage(baseUrl, started, 300_000);
    // Compile the dashboard pages now (dev server), so tests do not wait on it inside a session.
    for (const page of ["/pods", "/workloads", "/nodes", "/services"]) await fetch(`${baseUrl}${page}`, { signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    await started.stop();
    throw error;
  }
  return { ...started, baseUrl, dataDir };
}
