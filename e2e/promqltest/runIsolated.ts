import path from "node:path";
import { Worker } from "node:worker_threads";
import type { EvalLimits } from "./runEval";
import type { CaseResult, ScriptRun } from "./runScript";
import type { WorkerMessage, WorkerTask } from "./workerProtocol";

const WORKER_ENTRY = path.join(__dirname, "scriptWorker.ts");

/** How long a worker may stay silent: both queries of an instant eval (its own and the range-mode one) plus slack. */
export function silenceLimitMs(limits: EvalLimits): number {
  return 2 * (limits.timeoutMs + 1_000) + 10_000;
}

/**
 * Runs a script in worker threads: a case that hangs or crashes its worker is recorded as failed, and a fresh worker
 * replays the loads and goes on from the next case.
 */
export async function runScriptIsolated(dir: string, file: string, limits: EvalLimits): Promise<ScriptRun> {
  const run: ScriptRun = { cases: [], notes: [] };
  let firstCase = 0;
  for (;;) {
    const attempt = await runWorker({ scriptPath: path.join(dir, file), file, firstCase, limits }, run);
    if (attempt.finished) return run;
    if (!attempt.pending) {
      run.notes.push(`${file}: worker stopped outside any case: ${attempt.reason}`);
      return run;
    }
    run.cases.push({ ...attempt.pending.started, failure: attempt.reason });
    firstCase = attempt.pending.index + 1;
  }
}

type Attempt = { finished: true } | { finished: false; reason: string; pending?: Extract<WorkerMessage, { type: "start" }> };

function runWorker(task: WorkerTask, run: ScriptRun): Promise<Attempt> {
  return new Promise((resolve) => {
    const worker = new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(WORKER_ENTRY)});`, { eval: true, workerData: task });
    let pending: Extract<WorkerMessage, { type: "start" }> | undefined;
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    const settle = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(attempt);
    };
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => settle({ finished: false, reason: `hung: no answer within ${silenceLimitMs(task.limits)} ms, worker stopped`, pending }), silenceLimitMs(task.limits));
    };
    worker.on("message", (message: WorkerMessage) => {
      arm();
      if (message.type === "start") pending = message;
      else if (message.type === "case") {
        run.cases.push(message.result as CaseResult);
        pending = undefined;
      } else {
        run.notes.push(...message.notes);
        settle({ finished: true });
      }
    });
    worker.on("error", (error) => settle({ finished: false, reason: `crashed: ${error.message}`, pending }));
    worker.on("exit", (code) => settle({ finished: false, reason: `worker exited with code ${code}`, pending }));
    arm();
  });
}
