import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { formatExpr } from "./formatExpr";
import { parseExpr } from "./parseExpr";
import { comparableAst } from "./testing/comparableAst";

const scriptDir = process.env.PROMQL_TEST_DIR ?? path.resolve(__dirname, "../../../../../shared/promqltest");

interface EvalCase {
  file: string;
  line: number;
  query: string;
  expectsFailure: boolean;
  /** The exact message of `expect fail msg: ...`, when the script gives one. */
  failMessage?: string;
}

const EVAL_LINE = /^eval(?:_fail|_warn|_info|_ordered)?\s+(?:instant\s+at\s+\S+|range\s+from\s+\S+\s+to\s+\S+\s+step\s+\S+)\s+(.*)$/;

function readCases(file: string): EvalCase[] {
  const lines = readFileSync(path.join(scriptDir, file), "utf8").split("\n");
  const cases: EvalCase[] = [];
  lines.forEach((text, index) => {
    const match = EVAL_LINE.exec(text.trim());
    if (!match?.[1]) return;
    const following = lines.slice(index + 1).findIndex((next) => !/^\s+expect\s/.test(next));
    const expectations = lines.slice(index + 1, index + 1 + Math.max(following, 0));
    const expectsFailure = text.startsWith("eval_fail") || expectations.some((next) => /^\s+expect\s+fail/.test(next));
    const failMessage = expectations.map((next) => /^\s+expect\s+fail\s+msg:\s*(.*)$/.exec(next)?.[1]).find((m) => m !== undefined);
    cases.push({ file, line: index + 1, query: match[1], expectsFailure, ...(failMessage !== undefined && { failMessage }) });
  });
  return cases;
}

function parseFailure(query: string): string | undefined {
  try {
    parseExpr(query);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

function roundTripMismatch(query: string): { query: string; formatted: string; problem: string } | undefined {
  let parsed;
  try {
    parsed = parseExpr(query);
  } catch {
    return undefined;
  }
  const formatted = formatExpr(parsed);
  try {
    const again = parseExpr(formatted);
    const same = JSON.stringify(comparableAst(again)) === JSON.stringify(comparableAst(parsed));
    return same ? undefined : { query, formatted, problem: "different tree" };
  } catch (err) {
    return { query, formatted, problem: (err as Error).message };
  }
}

describe.skipIf(!existsSync(scriptDir))("promqltest eval queries", () => {
  const files = existsSync(scriptDir) ? readdirSync(scriptDir).filter((name) => name.endsWith(".test")) : [];

  test("every query the scripts expect to succeed parses", () => {
    const cases = files.flatMap(readCases);
    const failures = cases
      .filter((c) => !c.expectsFailure)
      .map((c) => ({ at: `${c.file}:${c.line}`, query: c.query, error: parseFailure(c.query) }))
      .filter((c) => c.error !== undefined);
    expect(cases.length).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  });

  test("a query the scripts expect to fail parses, or fails with the script's message", () => {
    const cases = files.flatMap(readCases).filter((c) => c.expectsFailure);
    const wrong = cases
      .map((c) => ({ at: `${c.file}:${c.line}`, query: c.query, expected: c.failMessage, error: parseFailure(c.query) }))
      .filter((c) => c.error !== undefined && (c.expected === undefined || !c.error.endsWith(`parse error: ${c.expected}`)));
    expect(cases.length).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  test("every parsed query prints to text that parses back to the same tree", () => {
    const mismatches = files
      .flatMap(readCases)
      .flatMap((c) => roundTripMismatch(c.query) ?? [])
      .slice(0, 20);
    expect(mismatches).toEqual([]);
  });
});

if (!existsSync(scriptDir)) {
  console.warn(`promqltest scripts not found in ${scriptDir}; set PROMQL_TEST_DIR to run the script query checks`);
}
