import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { floatPassRate, formatFailures, formatFileLine, formatSummary } from "./report";
import type { CaseResult, ScriptRun } from "./runScript";

export interface RunAllOptions {
  dir: string;
  /** Only these script files (names), when set. */
  only?: readonly string[];
  /** Runs one script file (by name, inside `dir`). */
  runFile: (dir: string, file: string) => Promise<ScriptRun>;
  failuresPath: string;
  /** Lowest float pass rate (percent) that still exits 0. */
  thresholdPercent: number;
  log: (line: string) => void;
}

/** Runs every *.test script of the directory, writes the failures file, prints per-file counts and the summary; returns the exit code. */
export async function runAll(options: RunAllOptions): Promise<number> {
  const { dir, log } = options;
  if (!existsSync(dir)) {
    log(`promqltest: no script directory at ${dir} (set PROMQL_TEST_DIR to run the conformance scripts); skipped`);
    return 0;
  }
  const files = (await readdir(dir)).filter((f) => f.endsWith(".test") && (!options.only || options.only.includes(f))).sort();
  const cases: CaseResult[] = [];
  const notes: string[] = [];
  log(`promqltest: ${files.length} scripts from ${dir}`);
  for (const file of files) {
    const run = await options.runFile(dir, file);
    cases.push(...run.cases);
    notes.push(...run.notes);
    log(formatFileLine(file, run.cases));
  }
  await mkdir(path.dirname(options.failuresPath), { recursive: true });
  await writeFile(options.failuresPath, formatFailures(cases, notes));
  const failed = cases.filter((c) => c.failure !== null).length;
  log(`failing cases (${failed}) are listed in ${path.relative(process.cwd(), options.failuresPath) || options.failuresPath}`);
  const rate = floatPassRate(cases);
  const below = rate < options.thresholdPercent;
  log(`float pass rate ${rate.toFixed(2)}% ${below ? "is below" : "meets"} the ${options.thresholdPercent}% threshold`);
  log(formatSummary(cases));
  return below ? 1 : 0;
}
