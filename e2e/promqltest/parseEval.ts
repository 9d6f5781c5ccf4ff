import { parseDuration } from "./duration";
import { compileGoRegex, parseExpectLine, validateExpectations } from "./parseExpect";
import { unquoteWhole } from "./quotedString";
import { blockEnd } from "./scriptLines";
import type { EvalCommand, TimeRange } from "./scriptTypes";
import { parseScalarLine } from "./numbers";
import { parseSeriesLine } from "./seriesLine";

const EVAL_INSTANT = /^eval(?:_(fail|warn|ordered|info))?\s+instant\s+(?:at\s+(.+?))?\s+(.+)$/;
const EVAL_RANGE = /^eval(?:_(fail|warn|info))?\s+range\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+?)\s+(.+)$/;
const EXPECT_RANGE = /^expect range vector\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+)$/;

/** Reads an `eval instant|range` block; a block that cannot be read becomes a command with `parseError` so it counts as a failure. */
export function parseEvalBlock(lines: readonly string[], first: number): { command: EvalCommand; last: number } {
  const header = lines[first]!;
  const command = emptyEval(first + 1, header);
  try {
    readHeader(header, command);
  } catch (error) {
    command.parseError = (error as Error).message;
    return { command, last: blockEnd(lines, first) };
  }
  let last = first;
  for (let i = first + 1; i < lines.length && lines[i] !== ""; i++) {
    last = i;
    try {
      if (readBodyLine(lines[i]!, i + 1, command) === "end") break;
    } catch (error) {
      command.parseError = `line ${i + 1}: ${(error as Error).message}`;
      return { command, last: blockEnd(lines, first) };
    }
  }
  return { command, last };
}

function emptyEval(line: number, query: string): EvalCommand {
  return {
    kind: "eval",
    line,
    query,
    expectedSeries: [],
    expectations: { fail: [], ordered: [], warn: [], no_warn: [], info: [], no_info: [] },
    legacy: { fail: false, warn: false, info: false, ordered: false },
  };
}

function readHeader(header: string, command: EvalCommand): void {
  const instant = EVAL_INSTANT.exec(header);
  const range = instant ? null : EVAL_RANGE.exec(header);
  if (!instant && !range) {
    throw new Error("invalid evaluation command. Must be either 'eval[_fail|_warn|_ordered] instant [at <offset:duration>] <query>' or 'eval[_fail|_warn] range from <from> to <to> step <step> <query>'");
  }
  const modifier = (instant ?? range)![1];
  if (instant) {
    command.query = instant[3]!;
    command.instantAt = parseTime(instant[2] ?? "", "timestamp");
  } else {
    command.query = range![5]!;
    command.range = parseRange(range![2]!, range![3]!, range![4]!);
  }
  if (modifier === "fail" || modifier === "warn" || modifier === "info" || modifier === "ordered") command.legacy[modifier] = true;
}

function parseTime(text: string, what: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    throw new Error(`invalid ${what} definition "${text}": ${(error as Error).message}`);
  }
}

export function parseRange(from: string, to: string, step: string): TimeRange {
  const start = parseTime(from, "start timestamp");
  const end = parseTime(to, "end timestamp");
  if (end < start) throw new Error(`invalid test definition, end timestamp (${to}) is before start timestamp (${from})`);
  return { start, end, step: parseTime(step, "step") };
}

/** Applies one line of the block; "end" where the block stops early (a scalar or a deprecated fail-message line). */
function readBodyLine(line: string, lineNumber: number, command: EvalCommand): "end" | "more" {
  const failsLegacy = command.legacy.fail;
  if (failsLegacy && line.startsWith("expected_fail_message")) {
    command.legacy.failMessage = line.slice("expected_fail_message".length).trim();
    return "end";
  }
  if (failsLegacy && line.startsWith("expected_fail_regexp")) {
    command.legacy.failRegexp = compileGoRegex(line.slice("expected_fail_regexp".length).trim());
    return "end";
  }
  if (line.startsWith("expect range vector")) {
    const parts = EXPECT_RANGE.exec(line);
    if (!parts) throw new Error(`invalid range vector definition "${line}"`);
    command.rangeVector = parseRange(parts[1]!, parts[2]!, parts[3]!);
    return "more";
  }
  if (line.startsWith("expect string")) {
    if (line === "expect string") throw new Error("expected string literal not valid - a quoted string literal is required");
    command.expectedString = unquoteWhole(line.slice("expect string ".length));
    return "more";
  }
  if (line.split(" ")[0] === "expect") {
    const { type, expectation } = parseExpectLine(line);
    command.expectations[type].push(expectation);
    validateExpectations(command.expectations);
    return "more";
  }
  return readExpectedValues(line, lineNumber, command);
}

function readExpectedValues(line: string, lineNumber: number, command: EvalCommand): "end" | "more" {
  const scalar = parseScalarLine(line);
  if (scalar !== null) {
    command.expectedScalar = { kind: "float", value: scalar };
    return "end";
  }
  const series = parseSeriesLine(line);
  if (series.values.length > 1 && command.instantAt !== undefined && !command.rangeVector) {
    throw new Error("expecting multiple values in instant evaluation not allowed. consider using 'expect range vector' directive to enable a range vector result for an instant query");
  }
  command.expectedSeries.push({ ...series, position: command.expectedSeries.length + 1, line: lineNumber });
  return "more";
}
