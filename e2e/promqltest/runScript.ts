import type { QueryEngine } from "@/server/metrics/promql/values";
import type { Storage } from "@/server/metrics/storage";
import { classifyEval, type CaseCategory } from "./classifyEval";
import { appendLoad } from "./loadData";
import { runEval, type EvalLimits } from "./runEval";
import type { EvalCommand, ParsedScript } from "./scriptTypes";

/** The store and engine under test; `clear` asks for a fresh store. */
export interface Backend {
  newStorage(): Storage;
  newEngine(storage: Storage): QueryEngine;
}

export interface CaseResult {
  file: string;
  line: number;
  query: string;
  category: CaseCategory;
  /** Why the case failed; null when it passed. */
  failure: string | null;
}

export interface ScriptRun {
  cases: CaseResult[];
  /** Samples the store refused while loading (a likely cause of later failures), by script line. */
  notes: string[];
}

export interface ScriptRunOptions {
  /** Cases before this index (script errors first, then evals in order) are skipped; loads and clears still run. */
  firstCase?: number;
  /** Called as each case starts and ends, so a watchdog can tell which case hangs. */
  onStart?: (index: number, started: Omit<CaseResult, "failure">) => void;
  onCase?: (index: number, result: CaseResult) => void;
}

/** Runs a parsed script's commands in order against fresh backends; nothing in one case can stop the next. */
export async function runScript(file: string, script: ParsedScript, backend: Backend, limits: EvalLimits, options: ScriptRunOptions = {}): Promise<ScriptRun> {
  const run: ScriptRun = { cases: [], notes: [] };
  let index = 0;
  const record = (result: CaseResult) => {
    run.cases.push(result);
    options.onCase?.(index, result);
  };
  for (const error of script.errors) {
    if (index >= (options.firstCase ?? 0)) record({ file, line: error.line, query: "", category: "float", failure: `cannot read the script: ${error.message}` });
    index++;
  }
  let storage = backend.newStorage();
  let engine = backend.newEngine(storage);
  let histogramMetrics = new Set<string>();
  for (const command of script.commands) {
    if (command.kind === "clear") {
      await storage.close();
      storage = backend.newStorage();
      engine = backend.newEngine(storage);
      histogramMetrics = new Set();
    } else if (command.kind === "load") {
      const loaded = await loadSafely(storage, command, run.notes, file);
      for (const name of loaded) histogramMetrics.add(name);
    } else {
      if (index >= (options.firstCase ?? 0)) {
        const category = classifyEval(command, histogramMetrics);
        options.onStart?.(index, { file, line: command.line, query: command.query, category });
        record(await runCase(file, command, engine, category, limits));
      }
      index++;
    }
  }
  await storage.close();
  return run;
}

async function loadSafely(storage: Storage, command: Parameters<typeof appendLoad>[1], notes: string[], file: string): Promise<Set<string>> {
  try {
    const outcome = await appendLoad(storage, command);
    const refused = Object.entries(outcome.result.rejected).filter(([, n]) => (n ?? 0) > 0);
    if (refused.length > 0) notes.push(`${file}:${command.line}: load refused samples: ${refused.map(([why, n]) => `${n} ${why}`).join(", ")}`);
    return outcome.histogramMetrics;
  } catch (error) {
    notes.push(`${file}:${command.line}: load failed: ${error instanceof Error ? error.message : String(error)}`);
    return new Set();
  }
}

async function runCase(file: string, command: EvalCommand, engine: QueryEngine, category: CaseCategory, limits: EvalLimits): Promise<CaseResult> {
  let failure: string | null;
  try {
    failure = await runEval(engine, command, limits);
  } catch (error) {
    failure = `runner error: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { file, line: command.line, query: command.query, category, failure };
}
