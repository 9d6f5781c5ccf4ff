import { describeExpectation, expectationMatches } from "./parseExpect";
import type { EvalCommand, Expectation } from "./scriptTypes";

export function expectsFailure(command: EvalCommand): boolean {
  return command.legacy.fail || command.expectations.fail.length > 0;
}

/** For a query that failed as expected: does its error say what the script asked (message, regex, or anything)? */
export function checkFailure(command: EvalCommand, message: string): string | null {
  const { failMessage, failRegexp } = command.legacy;
  if (failMessage && failMessage !== message) return `expected error "${failMessage}", but got: ${message}`;
  if (failRegexp && !failRegexp.test(message)) return `expected error matching pattern "${failRegexp.source}", but got: ${message}`;
  const expected = command.expectations.fail[0];
  if (expected && !expectationMatches(expected, message)) return `expected error matching ${describeExpectation(expected)}, but got: ${message}`;
  return null;
}

/**
 * Annotations as promqltest checks them: eval_warn/eval_info need at least one; `expect warn|info` lines each need a
 * matching annotation and then every annotation of that type needs a matching line; no_warn/no_info forbid the type.
 * With no expect line of a type, that type is not checked.
 */
export function checkAnnotations(command: EvalCommand, warnings: readonly string[], infos: readonly string[]): string | null {
  if (command.legacy.warn && warnings.length === 0) return "expected warnings but got none";
  if (command.legacy.info && infos.length === 0) return "expected info annotations but got none";
  const all = [...warnings, ...infos];
  const problem = checkType("warn", command.expectations.warn, warnings, all) ?? checkType("info", command.expectations.info, infos, all);
  if (problem) return problem;
  if (command.expectations.no_warn.length > 0 && warnings.length > 0) return `unexpected warning annotations: ${JSON.stringify(all)}`;
  if (command.expectations.no_info.length > 0 && infos.length > 0) return `unexpected info annotations: ${JSON.stringify(all)}`;
  return null;
}

function checkType(type: string, expected: readonly Expectation[], actual: readonly string[], all: readonly string[]): string | null {
  if (expected.length === 0) return null;
  if (actual.length === 0) return `expected ${type} annotations but none were found`;
  for (const e of expected) {
    if (!actual.some((a) => expectationMatches(e, a))) return `expected ${type} annotation matching ${describeExpectation(e)} but no matching annotation was found, found: ${JSON.stringify(all)}`;
  }
  for (const a of actual) {
    if (!expected.some((e) => expectationMatches(e, a))) return `unexpected ${type} annotation ${JSON.stringify(a)}`;
  }
  return null;
}
