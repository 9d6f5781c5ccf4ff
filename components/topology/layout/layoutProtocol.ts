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
      /** Width over height of the screen, so the layout spreads to its shape. */
      aspect?: number;
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

/** The main thread's view of the layout worker, so tests can run the worker's handler in-process. */
export interface LayoutPort {
  send(request: LayoutRequest, transfer: Transferable[]): void;
  listen(onBatch: (batch: LayoutBatch) => void): void;
  terminate(): void;
}
