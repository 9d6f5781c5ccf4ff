import type { EvalCommand, Expectation, ExpectType } from "./scriptTypes";

const EXPECT = /^expect\s+(ordered|fail|warn|no_warn|info|no_info)(?:\s+(regex|msg):(.+))?$/;

/** Reads `expect <type> [msg|regex: <text>]`; without a message the line matches any annotation or error of its type. */
export function parseExpectLine(line: string): { type: ExpectType; expectation: Expectation } {
  const parts = EXPECT.exec(line.trim());
  if (!parts) throw new Error("invalid expect statement, must match `expect <type> <match_type>: <string>` format");
  const type = parts[1] as ExpectType;
  if (parts[2] === undefined) return { type, expectation: {} };
  const text = parts[3]!.trim();
  if (parts[2] === "msg") return { type, expectation: { message: text } };
  try {
    return { type, expectation: { regex: compileGoRegex(text) } };
  } catch {
    throw new Error(`invalid regex ${text} for ${type}`);
  }
}

/** Go's RE2 syntax as JavaScript's: a leading (?flags) group becomes RegExp flags; the rest is common ground. */
export function compileGoRegex(pattern: string): RegExp {
  const flags = /^\(\?([ims]+)\)/.exec(pattern);
  if (!flags) return new RegExp(pattern);
  return new RegExp(pattern.slice(flags[0].length), flags[1]!);
}

export function validateExpectations(expectations: EvalCommand["expectations"]): void {
  if (expectations.info.length > 0 && expectations.no_info.length > 0) throw new Error("invalid expect lines, info and no_info cannot be used together");
  if (expectations.warn.length > 0 && expectations.no_warn.length > 0) throw new Error("invalid expect lines, warn and no_warn cannot be used together");
  if (expectations.fail.length > 1) throw new Error("invalid expect lines, multiple expect fail lines are not allowed");
}

/** True when the expectation accepts `text`: exact message, regex anywhere in it (as Go's MatchString), or anything. */
export function expectationMatches(expectation: Expectation, text: string): boolean {
  if (expectation.message !== undefined) return expectation.message === text;
  if (expectation.regex) return expectation.regex.test(text);
  return true;
}

export function describeExpectation(expectation: Expectation): string {
  if (expectation.message !== undefined) return `message "${expectation.message}"`;
  if (expectation.regex) return `pattern "${expectation.regex.source}"`;
  return "any";
}
