import { PromQLError, type PromErrorType } from "../values";
import type { PositionRange } from "../ast";

/** A parse problem found while walking the tree; turned into a PromQLError with line:col by parseExpr. */
export class ParseProblem extends Error {
  constructor(
    message: string,
    readonly pos: PositionRange,
  ) {
    super(message);
  }
}

/** `line:col:` as Prometheus prints it: 1-based, the column counted in UTF-8 bytes. */
export function describePosition(query: string, offset: number): string {
  const before = query.slice(0, offset);
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  const col = Buffer.byteLength(before.slice(lineStart), "utf8") + 1;
  return `${line}:${col}:`;
}

export function toPromQLError(query: string, problem: ParseProblem, type: PromErrorType = "bad_data"): PromQLError {
  const message = `${describePosition(query, problem.pos.start)} parse error: ${problem.message}`;
  return new PromQLError(type, message, { start: problem.pos.start, end: problem.pos.end });
}
