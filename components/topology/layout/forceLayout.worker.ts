import { createLayoutWorkerHandler } from "./layoutWorkerCore";
import type { LayoutBatch, LayoutRequest } from "./layoutProtocol";

// The dedicated-worker global, typed to the two members used so the webworker lib need not join the DOM one.
interface LayoutWorkerScope {
  postMessage(message: LayoutBatch, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
}
const workerScope = self as unknown as LayoutWorkerScope;

const handle = createLayoutWorkerHandler({
  post: (batch, transfer) => workerScope.postMessage(batch, transfer),
  schedule: (run) => setTimeout(run, 0),
});

workerScope.onmessage = (event) => handle(event.data);
