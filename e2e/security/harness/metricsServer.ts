import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { freePort } from "./freePort";
import { startOrrery, type OrreryProcess } from "./orreryProcess";
import { basicAuth, encodeWriteRequest } from "./prom";
import { suite } from "./suiteContext";

/** An Orrery of its own on a data directory, pushed to with a bearer token, for tests that kill and restart it. */
export interface MetricsServer {
  orrery: OrreryProcess;
  baseUrl: string;
  /** POSTs a remote-write body with the token; answers status and text. */
  write(body: Uint8Array): Promise<{ status: number; text: string }>;
  /** GETs a Prometheus API path as alice (HTTP Basic, as promtool does). */
  prom(endpoint: string, params: Record<string, string>): Promise<{ status: number; body: PromBody }>;
  health(): Promise<{ status: number; body: { status: string; problems?: string[] } }>;
}

export interface PromBody {
  status: string;
  data?: unknown;
  errorType?: string;
  error?: string;
}

/** Writes a fresh receiver token next to the data directory; answers the file to pass to token-file:. */
export async function writeTokenFile(dir: string): Promise<{ file: string; token: string }> {
  const token = randomBytes(24).toString("hex");
  const file = path.join(dir, "remote-write.token");
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return { file, token };
}

/** Starts Orrery (demo cluster, basic login, suite users) with the metrics store in `dataDir`. */
export async function startMetricsServer(dataDir: string, token: { file: string; token: string }): Promise<MetricsServer> {
  const port = await freePort();
  const orrery = await startOrrery([
    "--demo", "--host", "127.0.0.1", "--port", String(port), "--auth", "basic", "--users-file", suite().usersFile,
    "--data-dir", dataDir, "--remote-write-receiver", `token-file:${token.file}`,
  ]);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    orrery,
    baseUrl,
    async write(body) {
      const response = await fetch(`${baseUrl}/api/prom/api/v1/write`, {
        method: "POST",
        headers: { authorization: `Bearer ${token.token}`, "content-type": "application/x-protobuf", "content-encoding": "snappy", "x-prometheus-remote-write-version": "0.1.0" },
        body: new Uint8Array(body),
      });
      return { status: response.status, text: await response.text() };
    },
    async prom(endpoint, params) {
      const response = await fetch(`${baseUrl}/api/prom/api/v1/${endpoint}?${new URLSearchParams(params)}`, { headers: { authorization: basicAuth("alice") } });
      return { status: response.status, body: (await response.json()) as PromBody };
    },
    async health() {
      const response = await fetch(`${baseUrl}/api/healthz`);
      return { status: response.status, body: (await response.json()) as { status: string; problems?: string[] } };
    },
  };
}

/** One remote-write body: one sample at `t` for each of `seriesCount` series named `metric`, valued `base + series index`. */
export function probeBatch(metric: string, seriesCount: number, t: number, base: number, extraLabels: Record<string, string> = {}): Uint8Array {
  return encodeWriteRequest({
    timeseries: Array.from({ length: seriesCount }, (_, s) => ({
      labels: [{ name: "__name__", value: metric }, { name: "probe", value: String(s).padStart(4, "0") }, ...Object.entries(extraLabels).map(([name, value]) => ({ name, value }))],
      samples: [{ timestamp: t, value: base + s }],
    })),
  });
}

/** Kills the server with SIGKILL (no shutdown hooks, no final fsync) and waits for it to be gone. */
export function killHard(server: MetricsServer): Promise<void> {
  const child = server.orrery.child;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** A query_range answer as series label "probe" → the values at each step (NaN where a step has no point). */
export function valuesByProbe(body: PromBody, steps: number[]): Map<string, number[]> {
  const result = (body.data as { result: { metric: Record<string, string>; values: [number, string][] }[] }).result;
  const out = new Map<string, number[]>();
  for (const { metric, values } of result) {
    const byTime = new Map(values.map(([t, v]) => [Math.round(t * 1000), Number(v)]));
    out.set(metric.probe ?? "", steps.map((t) => byTime.get(t) ?? NaN));
  }
  return out;
}
