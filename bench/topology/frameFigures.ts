// Frame figures of a pan/zoom: all frames, the frames that repainted the map, and those by level of detail.
import { levelOfDetail, type LevelOfDetail } from "@/components/topology/render/style";
import { ascending, bench, intervals, percentile } from "./figures";
import type { FrameRecord } from "./mapProbes";

export interface RepaintFrame {
  ms: number;
  /** The zoom scale the repaint drew at. */
  scale: number;
}

/**
 * The frames in which the map repainted. The view paints after the recorder's callback within a frame, so a paint
 * count that grew between ticks i-1 and i means the interval ending at tick i held a paint, drawn at tick i-1's scale.
 */
export function repaintFrames(record: FrameRecord): RepaintFrame[] {
  const out: RepaintFrame[] = [];
  for (let i = 1; i < record.times.length; i++) {
    if ((record.paints[i] ?? 0) > (record.paints[i - 1] ?? 0)) out.push({ ms: record.times[i]! - record.times[i - 1]!, scale: record.scales[i - 1] ?? 0 });
  }
  return out;
}

const levels: readonly LevelOfDetail[] = ["dots", "shapes", "labels"];

/** Prints the frame figures; returns the two p95s the fps budget is judged on. */
export function reportFrames(record: FrameRecord): { frameMsP95: number; repaintFrameMsP95: number } {
  const frames = ascending(intervals(record.times));
  const repaints = repaintFrames(record);
  const scales = record.scales.filter((k) => k > 0);
  const share = levels.map((lod) => `${lod} ${repaints.filter((f) => levelOfDetail(f.scale) === lod).length}`).join(", ");
  console.log(`frames: ${frames.length}, ${repaints.length} repainted the map (${share}); zoom scale ${Math.min(...scales).toFixed(2)}–${Math.max(...scales).toFixed(2)}`);
  const p50 = percentile(frames, 50);
  const frameMsP95 = percentile(frames, 95);
  const repaintFrameMsP95 = percentile(ascending(repaints.map((f) => f.ms)), 95);
  bench("topology.frame_ms_p50", p50, "ms");
  bench("topology.frame_ms_p95", frameMsP95, "ms");
  bench("topology.fps_p50", 1000 / p50, "fps");
  bench("topology.repaint_frame_ms_p95", repaintFrameMsP95, "ms");
  for (const lod of levels) {
    const ms = ascending(repaints.filter((f) => levelOfDetail(f.scale) === lod).map((f) => f.ms));
    if (ms.length > 0) bench(`topology.repaint_frame_ms_p95_${lod}`, percentile(ms, 95), "ms");
  }
  return { frameMsP95, repaintFrameMsP95 };
}
