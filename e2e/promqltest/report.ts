import type { CaseCategory } from "./classifyEval";
import type { CaseResult } from "./runScript";

export interface Tally {
  passed: number;
  total: number;
}

export function tally(cases: readonly CaseResult[], category: CaseCategory): Tally {
  const mine = cases.filter((c) => c.category === category);
  return { passed: mine.filter((c) => c.failure === null).length, total: mine.length };
}

/** `functions.test  float 420/431  native-histogram 3/5`, one line per script. */
export function formatFileLine(file: string, cases: readonly CaseResult[]): string {
  const float = tally(cases, "float");
  const native = tally(cases, "native-histogram");
  return `  ${file.padEnd(28)} float ${float.passed}/${float.total}  native-histogram ${native.passed}/${native.total}`;
}

/** The closing line CI and people read. */
export function formatSummary(cases: readonly CaseResult[]): string {
  const float = tally(cases, "float");
  const native = tally(cases, "native-histogram");
  return `promqltest float: ${float.passed}/${float.total} passed; native-histogram: ${native.passed}/${native.total} passed`;
}

/** One block per failing case: where, what was asked, and why it failed; then the load notes. */
export function formatFailures(cases: readonly CaseResult[], notes: readonly string[]): string {
  const blocks = cases
    .filter((c) => c.failure !== null)
    .map((c) => `${c.file}:${c.line} [${c.category}]\n  query: ${c.query}\n  ${c.failure!.replace(/\n/g, "\n  ")}\n`);
  const noteBlock = notes.length > 0 ? [`load notes:\n${notes.map((n) => `  ${n}`).join("\n")}\n`] : [];
  return [...blocks, ...noteBlock].join("\n");
}

/** The float pass rate in percent; an empty run passes. */
export function floatPassRate(cases: readonly CaseResult[]): number {
  const float = tally(cases, "float");
  return float.total === 0 ? 100 : (100 * float.passed) / float.total;
}
