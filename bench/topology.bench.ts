// Topology map benchmark in headless Chromium against the built Orrery on its embedded demo cluster:
// first paint, layout settling, pan/zoom frame times, paint cost, cluster change → screen latency, page heap.
// Run: npm run build (once), then npm run bench:topology
// (BENCH_PODS, BENCH_NODES, BENCH_INTERACTION_SECONDS, BENCH_DELTAS override the defaults 10000, 1000, 6, 15;
// BENCH_PROFILE=<file.cpuprofile> records the page's CPU during the pan/zoom)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { topologyMarks } from "@/components/topology/view/paintStats";
import { ensureChromium, launchBrowser, openPage, settledHeapBytes, withCpuProfile } from "./topology/browser";
import { measureDeltaToScreen } from "./topology/deltaToScreen";
import { DemoApi, waitForPopulation } from "./topology/demoApi";
import { ascending, bench, percentile, summaryLine } from "./topology/figures";
import { repaintFrames, reportFrames } from "./topology/frameFigures";
import { readMapState, recentPaintsMs, startFrameRecorder, stopFrameRecorder, waitForMark, watchForSettledLayout, type MapState } from "./topology/mapProbes";
import { BenchRefusal, requireBuild, startOrrery, waitForHealth, type OrreryProcess } from "./topology/orrery";
import { panAndZoom } from "./topology/panZoom";

interface Settings {
  pods: number;
  nodes: number;
  interactionMs: number;
  deltaCount: number;
}

let settings: Settings = { pods: 10_000, nodes: 1_000, interactionMs: 6_000, deltaCount: 15 };
let orrery: OrreryProcess | undefined;
let browser: Browser | undefined;
/** Holds the server's log; kept when the benchmark fails, so the log can be read. */
let workDir: string | undefined;

function wholeNumberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new BenchRefusal(`${name}=${text} is not a whole number from ${min} to ${max}.`);
  return value;
}

function readSettings(): Settings {
  return {
    pods: wholeNumberFromEnv("BENCH_PODS", 10_000, 1, 200_000),
    nodes: wholeNumberFromEnv("BENCH_NODES", 1_000, 1, 20_000),
    interactionMs: wholeNumberFromEnv("BENCH_INTERACTION_SECONDS", 6, 1, 600) * 1000,
    deltaCount: wholeNumberFromEnv("BENCH_DELTAS", 15, 1, 1000),
  };
}

// Waits grow with the cluster: a 100k-pod demo takes minutes to create and to send.
const scaled = (baseMs: number, per100kMs: number) => baseMs + (settings.pods / 100_000) * per100kMs;

async function stopEverything(): Promise<void> {
  const [b, o] = [browser, orrery];
  [browser, orrery] = [undefined, undefined];
  await b?.close().catch(() => undefined);
  await o?.stop().catch(() => undefined);
}

async function startCluster(workDir: string): Promise<{ api: DemoApi; podCount: number }> {
  const { pods, nodes } = settings;
  console.log(`starting Orrery on the demo cluster with ${pods} pods on ${nodes} nodes (log: ${path.join(workDir, "orrery.log")})`);
  orrery = await startOrrery({ pods, nodes, workDir });
  await waitForHealth(orrery, scaled(240_000, 600_000));
  const api = await DemoApi.fromKubeconfig(orrery.kubeconfigPath);
  const podCount = await waitForPopulation(api, pods, scaled(120_000, 900_000));
  console.log(`Orrery is ready at ${orrery.baseUrl}; the demo cluster holds ${podCount} pods`);
  return { api, podCount };
}

/** Opens /topology and waits for its marks and for the layout to come to rest; prints the load figures. */
async function loadMap(page: Page, baseUrl: string, pageErrors: string[]): Promise<{ state: MapState; aggregated: boolean; nodesDrawn: number }> {
  await watchForSettledLayout(page);
  await page.goto(`${baseUrl}/topology`, { waitUntil: "domcontentloaded", timeout: 120_000 });
  await waitForMark(page, { mark: "snapshot", never: "received its first graph data", timeoutMs: scaled(120_000, 240_000) }, pageErrors);
  await waitForMark(page, { mark: "firstPaint", never: "finished its first paint", timeoutMs: 120_000 }, pageErrors);
  const state = await waitForMark(page, { mark: "settledSeen", never: "came to rest (first layout with every node)", timeoutMs: 300_000 }, pageErrors);
  const notice = page.getByTestId("topology-aggregated");
  const aggregated = (await notice.count()) > 0;
  console.log(`snapshot aggregated: ${aggregated ? `yes — ${(await notice.innerText()).replace(/\s+/g, " ").trim()}` : "no"}`);
  const { snapshot, firstPaint, settledSeen } = state as { snapshot: number; firstPaint: number; settledSeen: number };
  if (state.settled === null || state.settled < snapshot) {
    console.log(`note: the page's ${topologyMarks.settled} mark came ${state.settled === null ? "never" : `at ${Math.round(state.settled)} ms, before its data`}; settle_ms is timed from the first frame with the layout at rest`);
  }
  bench("topology.snapshot_ms", snapshot, "ms");
  bench("topology.first_paint_ms", firstPaint, "ms");
  bench("topology.first_paint_after_data_ms", firstPaint - snapshot, "ms");
  bench("topology.settle_ms", settledSeen - snapshot, "ms");
  const nodesDrawn = (await readMapState(page)).nodeCount ?? Number.NaN;
  bench("topology.nodes_drawn", nodesDrawn, "count");
  return { state, aggregated, nodesDrawn };
}

/** Frame intervals while the map is panned and zoomed without pause; returns the p95s for the verdict. */
async function measurePanZoom(page: Page): Promise<{ frameMsP95: number; repaintFrameMsP95: number }> {
  const box = await page.getByTestId("topology-canvas").boundingBox();
  if (!box) throw new Error("the topology canvas is not on screen");
  await startFrameRecorder(page);
  const gestures = await withCpuProfile(page, process.env.BENCH_PROFILE, () => panAndZoom(page, box, settings.interactionMs));
  const record = await stopFrameRecorder(page);
  const seconds = ((record.times.at(-1) ?? 0) - (record.times[0] ?? 0)) / 1000;
  console.log(`pan/zoom: ${gestures.drags} drags, ${gestures.wheelEvents} wheel events (${gestures.events} input events) in ${seconds.toFixed(1)} s`);
  const figures = reportFrames(record);
  bench("topology.paint_ms_p95", percentile(ascending(await recentPaintsMs(page)), 95), "ms");
  // Frames without repaints would time an idle page, not the map being moved.
  const repainted = repaintFrames(record).length;
  if (repainted < gestures.drags) throw new Error(`the map repainted in only ${repainted} frames during ${gestures.drags} drags: the gestures did not reach it`);
  return figures;
}

async function measureDeltas(page: Page, api: DemoApi, aggregated: boolean): Promise<void> {
  const runId = Date.now().toString(36);
  if (aggregated) console.log("the map is aggregated: each bench pod goes into a namespace of its own and is timed until its namespace's group appears");
  const latencies = ascending(await measureDeltaToScreen(page, api, { count: settings.deltaCount, runId, aggregated, perPodTimeoutMs: scaled(30_000, 60_000) }));
  console.log(`cluster change → screen: ${latencies.length} pods, ${latencies.map((ms) => Math.round(ms)).join(" ")} ms`);
  bench("topology.delta_to_screen_ms_p50", percentile(latencies, 50), "ms");
  bench("topology.delta_to_screen_ms_p95", percentile(latencies, 95), "ms");
}

async function main(): Promise<void> {
  settings = readSettings();
  requireBuild();
  ensureChromium();
  workDir = mkdtempSync(path.join(tmpdir(), "orrery-bench-topology-"));
  const { api, podCount } = await startCluster(workDir);
  browser = await launchBrowser();
  const { page, pageErrors } = await openPage(browser);
  const { state, aggregated, nodesDrawn } = await loadMap(page, orrery!.baseUrl, pageErrors);
  bench("topology.heap_mb", (await settledHeapBytes(page)) / (1024 * 1024), "MB");
  const frameFigures = await measurePanZoom(page);
  await measureDeltas(page, api, aggregated);
  const firstPaintAfterDataMs = state.firstPaint! - state.snapshot!;
  console.log(summaryLine({ pods: settings.pods, podsInCluster: podCount, nodes: settings.nodes, nodesDrawn, aggregated, firstPaintAfterDataMs, ...frameFigures }));
  await stopEverything();
  removeWorkDir();
}

function removeWorkDir(): void {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`topology benchmark: ${signal}, stopping Chromium and Orrery`);
    void stopEverything().finally(() => {
      removeWorkDir();
      process.exit(130);
    });
  });
}
// Last resort if something exits the process without the cleanup above.
process.on("exit", () => orrery?.killNow());

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    const refused = error instanceof BenchRefusal;
    if (refused) console.error(`topology benchmark refused: ${error.message}`);
    else console.error("topology benchmark failed:", error instanceof Error ? error.message : error);
    if (!refused && orrery) console.error(`Orrery's log: ${orrery.logPath}`);
    await stopEverything();
    process.exit(refused ? 2 : 1);
  },
);
