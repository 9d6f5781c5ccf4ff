import { readdir, readFile, truncate, writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { killHard, probeBatch, startMetricsServer, valuesByProbe, writeTokenFile, type MetricsServer } from "./harness/metricsServer";
import { noteOutcome } from "./harness/suiteContext";

const step = 15_000;
const seriesCount = 20;
// Whole steps in the recent past, so the default 15d retention keeps them and query_range steps land on samples.
const start = Math.floor(Date.now() / step) * step - 200 * step;
const stepTimes = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => start + (from + i) * step);

let dir: string;
let token: { file: string; token: string };
const running: MetricsServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orrery-durability-"));
  token = await writeTokenFile(dir);
});
afterEach(async () => {
  for (const server of running.splice(0)) await server.orrery.stop();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function start_(dataDir: string): Promise<MetricsServer> {
  const server = await startMetricsServer(dataDir, token);
  running.push(server);
  return server;
}

/** Pushes batches from..to-1 one after another; batch i is at start + i steps with values i*1000 + series. */
async function push(server: MetricsServer, metric: string, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const answer = await server.write(probeBatch(metric, seriesCount, start + i * step, i * 1000));
    if (answer.status !== 204) throw new Error(`batch ${i} answered ${answer.status}: ${answer.text}`);
  }
}

async function readBack(server: MetricsServer, metric: string, from: number, to: number): Promise<Map<string, number[]>> {
  const answer = await server.prom("query_range", { query: metric, start: String((start + from * step) / 1000), end: String((start + (to - 1) * step) / 1000), step: "15" });
  expect(answer.status).toBe(200);
  return valuesByProbe(answer.body, stepTimes(from, to));
}

const expected = (from: number, to: number, s: number) => Array.from({ length: to - from }, (_, i) => (from + i) * 1000 + s);

describe("the metrics store across kill -9 and a damaged write-ahead log", () => {
  test("kill -9 loses no sample whose remote write was answered 204; a restart brings the history back", async ({ task }) => {
    const dataDir = path.join(dir, "kill");
    const first = await start_(dataDir);
    await push(first, "durability_probe", 0, 60);
    // One more batch in flight when the process dies: it may or may not have been committed, but never half.
    const inFlight = first.write(probeBatch("durability_probe", seriesCount, start + 60 * step, 60_000)).catch(() => undefined);
    await killHard(first);
    const inFlightAnswer = await inFlight;
    const second = await start_(dataDir);
    const back = await readBack(second, "durability_probe", 0, 61);
    expect((await second.health()).body).toEqual({ status: "ok" });
    expect(back.size).toBe(seriesCount);
    // A commit answered 204 is written to the WAL before the answer (only the fsync is on a 5 s interval), so a
    // killed process loses nothing answered; "one interval" is what a power loss may take from the OS's cache.
    for (let s = 0; s < seriesCount; s++) expect(back.get(String(s).padStart(4, "0"))!.slice(0, 60)).toEqual(expected(0, 60, s));
    const landed = [...back].filter(([probe, values]) => values[60] === 60_000 + Number(probe)).length;
    expect([0, seriesCount]).toContain(landed);
    if (inFlightAnswer?.status === 204) expect(landed).toBe(seriesCount);
    const status = await second.prom("status/tsdb", {});
    expect(status.body.data).toMatchObject({ headStats: { numSeries: seriesCount, minTime: start }, seriesCountByMetricName: [{ name: "durability_probe", value: seriesCount }] });
    expect((await fetch(`${second.baseUrl}/api/prom/api/v1/status/tsdb`)).status).toBe(401);
    noteOutcome(task, `60 acknowledged batches of ${seriesCount} series all back after kill -9; in-flight batch ${landed === 0 ? "absent" : "whole"} (answer ${inFlightAnswer?.status ?? "none"})`);
  });

  test("a truncated last segment and flipped bytes in another: Orrery starts, the good part answers, health and the log name the damage", async ({ task }) => {
    const dataDir = path.join(dir, "damage");
    const first = await start_(dataDir);
    await push(first, "damage_probe", 0, 40);
    await killHard(first);
    // Each start writes a new segment, so the second run's batches land in the next one.
    const second = await start_(dataDir);
    await push(second, "damage_probe", 40, 80);
    await killHard(second);
    const walDir = path.join(dataDir, "metrics", "wal");
    const [older, last] = (await readdir(walDir)).sort();
    expect([older, last]).toEqual(["00000000", "00000001"]);
    const olderBytes = await readFile(path.join(walDir, older!));
    for (let i = 0; i < 4; i++) olderBytes[Math.floor(olderBytes.length * 0.6) + i]! ^= 0xa5;
    await writeFile(path.join(walDir, older!), olderBytes);
    const lastSize = (await readFile(path.join(walDir, last!))).length;
    await truncate(path.join(walDir, last!), lastSize - 9);

    const third = await start_(dataDir);
    const health = await third.health();
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("degraded");
    expect(health.body.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^metrics store: write-ahead log segment 00000000 is damaged: .*bytes skipped$/),
      expect.stringMatching(/^metrics store: write-ahead log segment 00000001 is damaged: torn record/),
    ]));
    const logLine = third.orrery.output().split("\n").find((line) => line.includes("metrics store opened with damage"));
    expect(logLine).toMatch(/segment 00000000 is damaged.*segment 00000001 is damaged/);

    const back = await readBack(third, "damage_probe", 0, 80);
    const probe0 = back.get("0000")!;
    // Before the flipped bytes everything loads; after them the older segment is skipped to its end.
    expect(probe0.slice(0, 10)).toEqual(expected(0, 10, 0));
    expect(probe0[39]).not.toBe(39_000);
    // The last segment loads up to the torn record: its final batch is gone, the rest answers.
    expect(probe0.slice(40, 79)).toEqual(expected(40, 79, 0));
    expect(probe0[79]).not.toBe(79_000);
    await push(third, "damage_probe", 80, 81);
    noteOutcome(task, `${health.body.problems?.length} problems on healthz; log: ${logLine?.slice(0, 160)}`);
  });
});
