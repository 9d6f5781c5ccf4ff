// Timings a benchmark or a curious person can read: performance marks, and recent paint durations.

export const topologyMarks = {
  /** The first graph data of the page arrived. */
  snapshot: "orrery:topology:snapshot",
  /** The first static paint with every node of the graph placed. */
  firstCompletePaint: "orrery:topology:first-complete-paint",
  /** The first layout of the graph came to rest. */
  settled: "orrery:topology:settled",
} as const;

const RECENT_PAINTS = 240;
const markedOnPage = new Set<string>();

/** Sets a performance mark the first time only, so a benchmark reads the page's first occurrence. */
export function markOnce(name: string): void {
  if (markedOnPage.has(name)) return;
  markedOnPage.add(name);
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}

export class PaintStats {
  private readonly recent: number[] = [];
  paints = 0;

  recordPaint(durationMs: number): void {
    this.paints++;
    this.recent.push(durationMs);
    if (this.recent.length > RECENT_PAINTS) this.recent.shift();
  }

  recentPaintsMs(): readonly number[] {
    return this.recent;
  }
}
