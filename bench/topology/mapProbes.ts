// What the benchmark reads inside the page: the map's performance marks and its read-only handle.
// Page code is sent as plain JavaScript text: tsx compiles functions with helpers (__name) that do not exist in the page.
import { setTimeout as delay } from "node:timers/promises";
import type { Page } from "@playwright/test";
import { topologyMarks } from "@/components/topology/view/paintStats";

/** Mark times in ms since navigation start (performance.timeOrigin), null until set. */
export interface MapState {
  snapshot: number | null;
  firstPaint: number | null;
  /** The page's settled mark. */
  settled: number | null;
  /** The first frame after the data arrived with nodes on the map and the layout at rest, as the benchmark saw it. */
  settledSeen: number | null;
  nodeCount: number | null;
  layoutDone: boolean | null;
}

const readStateScript = `(() => {
  const at = (name) => { const entry = performance.getEntriesByName(name, "mark")[0]; return entry ? entry.startTime : null; };
  const handle = window.__orreryTopology;
  return {
    snapshot: at(${JSON.stringify(topologyMarks.snapshot)}),
    firstPaint: at(${JSON.stringify(topologyMarks.firstCompletePaint)}),
    settled: at(${JSON.stringify(topologyMarks.settled)}),
    settledSeen: window.__orreryBenchSettledAt ?? null,
    nodeCount: handle ? handle.nodeCount() : null,
    layoutDone: handle ? handle.layoutDone() : null,
  };
})()`;

export function readMapState(page: Page): Promise<MapState> {
  return page.evaluate(readStateScript) as Promise<MapState>;
}

export function describeMapState(state: MapState): string {
  const marks = [["snapshot", state.snapshot], ["first-complete-paint", state.firstPaint], ["settled", state.settled], ["layout at rest (seen)", state.settledSeen]] as const;
  const seen = marks.filter(([, at]) => at !== null).map(([name, at]) => `${name} at ${Math.round(at!)} ms`);
  const handle = state.nodeCount === null ? "no window.__orreryTopology" : `${state.nodeCount} nodes on the map, layout ${state.layoutDone ? "at rest" : "moving"}`;
  return `${seen.length > 0 ? seen.join(", ") : "none"}; ${handle}`;
}

export interface MarkWait {
  mark: "snapshot" | "firstPaint" | "settled" | "settledSeen";
  /** Completes "the map never … within N s", e.g. "finished its first paint". */
  never: string;
  timeoutMs: number;
}

/** Polls until the mark is set; reports progress every 10 s and says what was seen when it gives up. */
export async function waitForMark(page: Page, wait: MarkWait, pageErrors: readonly string[]): Promise<MapState> {
  const started = Date.now();
  let lastReport = started;
  let state = await readMapState(page);
  while (state[wait.mark] === null) {
    if (Date.now() - started > wait.timeoutMs) {
      const errors = pageErrors.length > 0 ? `; page errors: ${pageErrors.slice(-5).join(" | ")}` : "";
      throw new Error(`the map never ${wait.never} within ${Math.round(wait.timeoutMs / 1000)} s; marks seen: ${describeMapState(state)}${errors}`);
    }
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(`waiting for the ${wait.mark} mark: ${Math.round((Date.now() - started) / 1000)} s; marks seen: ${describeMapState(state)}`);
    }
    await delay(250);
    state = await readMapState(page);
  }
  return state;
}

/**
 * Installed before navigation: notes the first frame after the snapshot mark with nodes on the map and the layout at rest.
 * The page's own settled mark can be set by the layout of the empty graph it starts with, before any data.
 */
export async function watchForSettledLayout(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const tick = () => {
      const handle = window.__orreryTopology;
      const hasData = performance.getEntriesByName(${JSON.stringify(topologyMarks.snapshot)}, "mark").length > 0;
      if (hasData && handle && handle.nodeCount() > 0 && handle.layoutDone()) { window.__orreryBenchSettledAt = performance.now(); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

/** Frame timestamps (ms) and, at each, how many times the map had painted its static layer and its zoom scale. */
export interface FrameRecord {
  times: number[];
  paints: number[];
  scales: number[];
}

/** Starts a requestAnimationFrame loop that keeps every frame's timestamp and the map's paint count. */
export async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const recorder = { times: [], paints: [], scales: [], running: true };
    const tick = (time) => {
      const handle = window.__orreryTopology;
      recorder.times.push(time);
      recorder.paints.push(handle ? handle.paints() : 0);
      recorder.scales.push(handle ? handle.viewport().k : 0);
      if (recorder.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__orreryBenchFrames = recorder;
  })()`);
}

/** Stops the loop and returns what it recorded. */
export function stopFrameRecorder(page: Page): Promise<FrameRecord> {
  return page.evaluate(`(() => { const r = window.__orreryBenchFrames; r.running = false; return { times: r.times, paints: r.paints, scales: r.scales }; })()`) as Promise<FrameRecord>;
}

export function recentPaintsMs(page: Page): Promise<number[]> {
  return page.evaluate(`window.__orreryTopology ? window.__orreryTopology.recentPaintsMs() : []`) as Promise<number[]>;
}

/**
 * Asks the map to note when a node with this name is first painted where the layout put it, on screen
 * (a frame that draws it, not the moment it joins the scene at 0,0 before layout).
 */
export async function watchName(page: Page, name: string): Promise<void> {
  await page.evaluate(`window.__orreryTopology.watchFirstPaint(${JSON.stringify(name)})`);
}

/** Date.now() in the page at that paint, or null. */
export function seenAt(page: Page, name: string): Promise<number | null> {
  return page.evaluate(`window.__orreryTopology ? window.__orreryTopology.firstPaintedAt(${JSON.stringify(name)}) : null`) as Promise<number | null>;
}
