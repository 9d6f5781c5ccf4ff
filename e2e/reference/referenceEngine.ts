// Starts e2e/promql-reference (Prometheus's own TSDB and PromQL engine) and talks to it on loopback.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Millis } from "@/server/metrics/model/sample";
import { decodeQueryAnswer, type QueryOutcome } from "./referenceAnswer";
import { encodeLoadBody, type TestSeries } from "./testSeries";

const repoRoot = path.resolve(__dirname, "../..");
export const BUILD_COMMAND = "bash e2e/cluster/build.sh promql-reference";
const seriesPerLoad = 50_000;

/** Heap and head figures of the reference process, read after two full collections. */
export interface ReferenceStats {
  heapAllocBytes: number;
  heapInuseBytes: number;
  sysBytes: number;
  headSeries: number;
}

/** Where build.sh puts the binary for the current sources (lib.sh computes the version and source hash). */
export function referenceBinaryPath(): string {
  const lib = path.join(repoRoot, "e2e/cluster/lib.sh");
  return execFileSync("bash", ["-c", `source "${lib}" && promql_reference_bin`], { encoding: "utf8" }).trim();
}

export class ReferenceEngine {
  private constructor(
    private readonly child: ChildProcess,
    private readonly baseUrl: string,
  ) {}

  /** Fails with the build command when the binary for the current sources is missing. */
  static async start(binary = referenceBinaryPath()): Promise<ReferenceEngine> {
    if (!existsSync(binary)) {
      throw new Error(`The reference PromQL engine is not built (${binary} is missing). Run: ${BUILD_COMMAND}`);
    }
    const child = spawn(binary, [], { stdio: ["pipe", "pipe", "inherit"] });
    const address = await readFirstLine(child);
    return new ReferenceEngine(child, `http://${address}`);
  }

  /** Loads in batches, so that no single request outlasts fetch's five-minute header timeout. */
  async load(series: Iterable<TestSeries>): Promise<{ series: number; samples: number }> {
    const total = { series: 0, samples: 0 };
    let batch: TestSeries[] = [];
    const flush = async () => {
      const loaded = await this.loadBatch(batch);
      total.series += loaded.series;
      total.samples += loaded.samples;
      batch = [];
    };
    for (const one of series) {
      batch.push(one);
      if (batch.length >= seriesPerLoad) await flush();
    }
    if (batch.length > 0) await flush();
    return total;
  }

  private async loadBatch(series: TestSeries[]): Promise<{ series: number; samples: number }> {
    // Node's fetch streams an async iterable body; the DOM typings do not know that form.
    const body = encodeLoadBody(series) as unknown as BodyInit;
    const response = await fetch(`${this.baseUrl}/load`, { method: "POST", body, duplex: "half" } as RequestInit);
    const answer = (await response.json()) as { series: number; samples: number; error?: string };
    if (!response.ok) throw new Error(`reference load failed: ${answer.error ?? response.status}`);
    return answer;
  }

  async reset(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/reset`, { method: "POST" });
    if (!response.ok) throw new Error(`reference reset failed: ${response.status}`);
  }

  async instantQuery(query: string, time: Millis): Promise<QueryOutcome> {
    return decodeQueryAnswer(await this.post("/query", { query, time: seconds(time) }));
  }

  async rangeQuery(query: string, start: Millis, end: Millis, step: Millis): Promise<QueryOutcome> {
    return decodeQueryAnswer(await this.post("/query_range", rangeParams(query, start, end, step)));
  }

  /** Runs an instant query `runs` times inside the reference; nanoseconds per run, HTTP not included. */
  async timeInstant(query: string, time: Millis, runs: number): Promise<number[]> {
    return readTimings(await this.post("/time/query", { query, time: seconds(time), n: String(runs) }));
  }

  async timeRange(query: string, start: Millis, end: Millis, step: Millis, runs: number): Promise<number[]> {
    return readTimings(await this.post("/time/query_range", { ...rangeParams(query, start, end, step), n: String(runs) }));
  }

  async stats(): Promise<ReferenceStats> {
    const response = await fetch(`${this.baseUrl}/stats`);
    if (!response.ok) throw new Error(`reference stats failed: ${response.status}`);
    return (await response.json()) as ReferenceStats;
  }

  /** Closing stdin makes the process remove its data directory and exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.stdin?.end();
    const killTimer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killTimer);
  }

  private async post(route: string, params: Record<string, string>): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${route}`, { method: "POST", body: new URLSearchParams(params) });
    return response.json();
  }
}

function seconds(t: Millis): string {
  return String(t / 1000);
}

function rangeParams(query: string, start: Millis, end: Millis, step: Millis): Record<string, string> {
  return { query, start: seconds(start), end: seconds(end), step: seconds(step) };
}

function readTimings(body: unknown): number[] {
  const answer = body as { nanos?: number[]; errorType?: string; error?: string };
  if (!answer.nanos) throw new Error(`reference timing failed: ${answer.errorType}: ${answer.error}`);
  return answer.nanos;
}

function readFirstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error("reference engine has no stdout"));
    const lines = createInterface({ input: child.stdout });
    const fail = (why: string) => reject(new Error(`reference engine did not start: ${why}`));
    child.once("error", (err) => fail(err.message));
    child.once("exit", (code) => fail(`exited with ${code}`));
    lines.once("line", (line) => {
      child.removeAllListeners("exit");
      resolve(line.trim());
    });
  });
}
