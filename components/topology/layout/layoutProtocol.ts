import type { LayoutEdgeInput, LayoutNodeInput } from "./simulate";

/** Main thread → layout worker. */
export type LayoutRequest =
  | {
      type: "layout";
      requestId: number;
      nodes: LayoutNodeInput[];
      edges: LayoutEdgeInput[];
      /** Previous positions: ids and interleaved x,y in the same order. */
      previousIds: string[];
      previousPositions: Float32Array;
    }
  | { type: "cancel"; requestId: number };

/** Layout worker → main thread: one batch of positions, in the order of the request's `nodes`. */
export interface LayoutBatch {
  type: "positions";
  requestId: number;
  /** Interleaved x,y per node; transferred, not copied. */
  positions: Float32Array;
  alpha: number;
  done: boolean;
}
