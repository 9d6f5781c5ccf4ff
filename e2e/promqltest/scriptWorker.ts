import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { backend } from "./backend";
import { parseScript } from "./parseScript";
import { runScript } from "./runScript";
import type { WorkerMessage, WorkerTask } from "./workerProtocol";

// Runs one script in a worker thread so that a query stuck in a loop can be stopped from outside.
const task = workerData as WorkerTask;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

void (async () => {
  const script = parseScript(readFileSync(task.scriptPath, "utf8"));
  const run = await runScript(task.file, script, backend, task.limits, {
    firstCase: task.firstCase,
    onStart: (index, started) => post({ type: "start", index, started }),
    onCase: (index, result) => post({ type: "case", index, result }),
  });
  post({ type: "done", notes: run.notes });
})();
