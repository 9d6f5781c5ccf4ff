// Browser tabs stand-in for the stream benchmark: N websocket clients in their own thread, each a
// namespace-limited person subscribed to pods, recording how long each stamped change took to arrive.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

const { url, tabs, stampKey } = workerData;
const latencies = [];
let ready = 0;
let resyncs = 0;
let foreign = 0;

const now = () => performance.timeOrigin + performance.now();

function openTab(tab) {
  const seen = new Set();
  const ws = new WebSocket(`${url}?person=${encodeURIComponent(tab.person)}`, { maxPayload: 512 * 1024 * 1024 });
  const count = (object) => object.metadata.namespace !== tab.allowed && foreign++;
  ws.on("open", () => ws.send(JSON.stringify({ type: "subscribe", id: "pods", resource: "pods", ...(tab.namespace ? { namespace: tab.namespace } : {}) })));
  ws.on("message", (data) => {
    const arrived = now();
    const message = JSON.parse(data.toString());
    if (message.type === "error") parentPort.postMessage({ type: "error", message: `${tab.person}: ${message.message}` });
    if (message.type === "snapshot") {
      message.items.forEach(count);
      if (++ready === tabs.length) parentPort.postMessage({ type: "ready" });
    }
    if (message.type === "resync") resyncs++;
    if (message.type !== "delta") return;
    for (const change of message.changes) {
      count(change.object);
      const stamp = change.object.metadata.annotations?.[stampKey];
      if (!stamp || seen.has(stamp)) continue;
      seen.add(stamp);
      latencies.push(arrived - Number(stamp));
    }
  });
  ws.on("error", (error) => parentPort.postMessage({ type: "error", message: String(error) }));
  ws.on("close", (code, reason) => code !== 1000 && code !== 1005 && parentPort.postMessage({ type: "error", message: `${tab.person}: closed ${code} ${reason}` }));
  return ws;
}

const sockets = tabs.map(openTab);
parentPort.on("message", (message) => {
  if (message.type !== "collect") return;
  parentPort.postMessage({ type: "result", latencies, resyncs, foreign });
  for (const ws of sockets) ws.close();
});
