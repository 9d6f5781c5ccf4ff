// Browser tabs stand-in for the stream benchmark: N websocket clients in their own thread,
// each subscribed to pods, recording how long each stamped change took to arrive.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

const { url, tabs, stampKey } = workerData;
const latencies = [];
let ready = 0;
let resyncs = 0;

const now = () => performance.timeOrigin + performance.now();

function openTab(namespace) {
  const seen = new Set();
  const ws = new WebSocket(url, { maxPayload: 512 * 1024 * 1024 });
  ws.on("open", () => ws.send(JSON.stringify({ type: "subscribe", id: "pods", resource: "pods", ...(namespace ? { namespace } : {}) })));
  ws.on("message", (data) => {
    const arrived = now();
    const message = JSON.parse(data.toString());
    if (message.type === "snapshot" && ++ready === tabs.length) parentPort.postMessage({ type: "ready" });
    if (message.type === "resync") resyncs++;
    if (message.type !== "delta") return;
    for (const change of message.changes) {
      const stamp = change.object.metadata.annotations?.[stampKey];
      if (!stamp || seen.has(stamp)) continue;
      seen.add(stamp);
      latencies.push(arrived - Number(stamp));
    }
  });
  ws.on("error", (error) => parentPort.postMessage({ type: "error", message: String(error) }));
  return ws;
}

const sockets = tabs.map((tab) => openTab(tab.namespace));
parentPort.on("message", (message) => {
  if (message.type !== "collect") return;
  parentPort.postMessage({ type: "result", latencies, resyncs });
  for (const ws of sockets) ws.close();
});
