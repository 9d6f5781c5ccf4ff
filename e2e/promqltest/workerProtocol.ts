import type { EvalLimits } from "./runEval";
import type { CaseResult } from "./runScript";

/** What the main thread asks of a script worker. */
export interface WorkerTask {
  scriptPath: string;
  file: string;
  firstCase: number;
  limits: EvalLimits;
}

/** What a script worker reports, case by case, so the main thread can tell a hanging case from a slow file. */
export type WorkerMessage =
  | { type: "start"; index: number; started: Omit<CaseResult, "failure"> }
  | { type: "case"; index: number; result: CaseResult }
  | { type: "done"; notes: string[] };
