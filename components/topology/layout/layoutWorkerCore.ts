import { createLayoutSimulation, positionsById, type LayoutSimulation } from "./simulate";
import type { LayoutBatch, LayoutRequest } from "./layoutProtocol";

/** A batch runs ticks for about this long, so big graphs still show motion several times a second. */
export const BATCH_BUDGET_MS = 50;
export const MAX_TICKS = 600;

export interface LayoutWorkerHost {
  post(batch: LayoutBatch, transfer: Transferable[]): void;
  /** Schedules the next batch; yielding between batches lets a cancel message in. */
  schedule(run: () => void): void;
  /** Clock for batch budgets; performance.now by default. */
  now?: () => number;
}

/** The worker's message handler, kept apart from the worker global so tests can drive it directly. */
export function createLayoutWorkerHandler(host: LayoutWorkerHost): (request: LayoutRequest) => void {
  let current: { requestId: number; simulation: LayoutSimulation; ticks: number } | undefined;
  const now = host.now ?? (() => performance.now());

  const runBatch = (requestId: number) => {
    if (!current || current.requestId !== requestId) return;
    // The first batch is one tick: the starting picture reaches the screen at once.
    const deadline = current.ticks === 0 ? -Infinity : now() + BATCH_BUDGET_MS;
    do {
      current.simulation.tick(1);
      current.ticks++;
    } while (now() < deadline && !current.simulation.isSettled() && current.ticks < MAX_TICKS);
    const done = current.simulation.isSettled() || current.ticks >= MAX_TICKS;
    const positions = current.simulation.positions();
    host.post({ type: "positions", requestId, positions, alpha: current.simulation.alpha(), done }, [positions.buffer]);
    if (done) {
      current.simulation.stop();
      current = undefined;
      return;
    }
    host.schedule(() => runBatch(requestId));
  };

  return (request) => {
    if (request.type === "cancel") {
      if (current?.requestId === request.requestId) current = undefined;
      return;
    }
    current?.simulation.stop();
    const previous = positionsById(request.previousIds, request.previousPositions);
    const simulation = createLayoutSimulation({ nodes: request.nodes, edges: request.edges, previous, aspect: request.aspect });
    current = { requestId: request.requestId, simulation, ticks: 0 };
    host.schedule(() => runBatch(request.requestId));
  };
}
