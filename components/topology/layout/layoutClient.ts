import type { LayoutBatch, LayoutPort } from "./layoutProtocol";
import { createInProcessLayoutPort } from "./inProcessLayoutPort";
import type { LayoutEdgeInput, LayoutNodeInput } from "./simulate";

export type { LayoutPort } from "./layoutProtocol";

export interface LayoutJob {
  nodes: LayoutNodeInput[];
  edges: LayoutEdgeInput[];
  /** The last positions shown, so existing nodes warm-start where they are. */
  previous?: { ids: readonly string[]; positions: Float32Array };
  /** Width over height of the map, so the layout spreads to fill it. */
  aspect?: number;
}

export interface LayoutUpdate {
  /** Node ids, in the order of `positions`. */
  ids: readonly string[];
  positions: Float32Array;
  alpha: number;
  done: boolean;
}

export type CancelLayout = () => void;

export interface LayoutClient {
  /** Starts a layout; a new call cancels the one before. */
  layout(job: LayoutJob, onUpdate: (update: LayoutUpdate) => void): CancelLayout;
  dispose(): void;
}

/** Opens the d3-force worker; the bundler (Next/Turbopack) emits it as its own chunk. */
export function openForceLayoutWorker(): LayoutPort {
  const worker = new Worker(new URL("./forceLayout.worker.ts", import.meta.url), { type: "module" });
  return {
    send: (request, transfer) => worker.postMessage(request, transfer),
    listen: (onBatch) => {
      worker.onmessage = (event: MessageEvent<LayoutBatch>) => onBatch(event.data);
    },
    terminate: () => worker.terminate(),
  };
}

/** The worker where the platform has one, else the same simulation on this thread. */
export function openDefaultLayoutPort(): LayoutPort {
  return typeof Worker === "undefined" ? createInProcessLayoutPort() : openForceLayoutWorker();
}

export function createLayoutClient(openPort: () => LayoutPort = openDefaultLayoutPort): LayoutClient {
  let port: LayoutPort | undefined;
  let nextRequestId = 1;
  let active: { requestId: number; ids: string[]; onUpdate: (update: LayoutUpdate) => void } | undefined;

  const receive = (batch: LayoutBatch) => {
    // Batches of a cancelled or superseded request are dropped here, even if already in flight.
    if (!active || batch.requestId !== active.requestId) return;
    const { ids, onUpdate } = active;
    if (batch.done) active = undefined;
    onUpdate({ ids, positions: batch.positions, alpha: batch.alpha, done: batch.done });
  };

  const ensurePort = (): LayoutPort => {
    if (!port) {
      port = openPort();
      port.listen(receive);
    }
    return port;
  };

  const cancel = (requestId: number) => {
    if (active?.requestId !== requestId) return;
    active = undefined;
    port?.send({ type: "cancel", requestId }, []);
  };

  return {
    layout(job, onUpdate) {
      if (active) cancel(active.requestId);
      const requestId = nextRequestId++;
      const ids = job.nodes.map((node) => node.id);
      active = { requestId, ids, onUpdate };
      // Copy so the caller's positions stay usable; the copy is transferred.
      const previousPositions = job.previous ? job.previous.positions.slice() : new Float32Array(0);
      const previousIds = job.previous ? [...job.previous.ids] : [];
      ensurePort().send(
        { type: "layout", requestId, nodes: job.nodes, edges: job.edges, previousIds, previousPositions, aspect: job.aspect },
        [previousPositions.buffer],
      );
      return () => cancel(requestId);
    },
    dispose() {
      active = undefined;
      port?.terminate();
      port = undefined;
    },
  };
}
