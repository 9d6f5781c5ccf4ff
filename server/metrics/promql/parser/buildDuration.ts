import type { DurationExpr } from "../ast";
import { isDurationToken, parseDurationMs, parseNumberText } from "./literals";
import { ParseProblem } from "./parseError";
import { childrenOf, rangeOf, textOf, type Source, type SyntaxNode } from "./syntaxTree";

const DURATION_OPS: Record<string, "+" | "-" | "*" | "/" | "%" | "^"> = { Add: "+", Sub: "-", Mul: "*", Div: "/", Mod: "%", Pow: "^" };

/** A DurationExpr or OffsetDurationExpr node; plain numbers count seconds. */
export function buildDuration(source: Source, node: SyntaxNode): DurationExpr {
  const kids = childrenOf(node);
  const pos = rangeOf(node);
  const opNode = kids.find((kid) => DURATION_OPS[kid.name] !== undefined);
  const [first, second] = kids.filter((kid) => kid.name === "DurationExpr" || kid.name === "OffsetDurationExpr");
  const head = kids[0];
  if (!head) throw new ParseProblem("unexpected end of input", pos);
  if (opNode && first && second) {
    return { kind: "durationBinary", op: DURATION_OPS[opNode.name] ?? "+", lhs: buildDuration(source, first), rhs: buildDuration(source, second), pos };
  }
  if (head.name === "UnaryOp" && first) {
    const expr = buildDuration(source, first);
    // A leading + changes nothing; Prometheus drops it when printing, so the tree does too.
    return textOf(source, head) === "-" ? { kind: "durationUnary", op: "-", expr, pos } : { ...expr, pos };
  }
  if (head.name === "DurationStep") return { kind: "durationStep", pos };
  if (head.name === "DurationRange") return { kind: "durationRange", pos };
  if ((head.name === "DurationMinOf" || head.name === "DurationMaxOf") && first && second) {
    const fn = head.name === "DurationMinOf" ? "min" : "max";
    return { kind: "durationMinMax", fn, args: [buildDuration(source, first), buildDuration(source, second)], pos };
  }
  if (head.name === "NumberDurationLiteralInDurationContext") return buildDurationLiteral(source, head);
  if (first && kids.length === 1) return buildDuration(source, first);
  throw new ParseProblem(`unexpected ${JSON.stringify(textOf(source, head))} in duration`, rangeOf(head));
}

function buildDurationLiteral(source: Source, node: SyntaxNode): DurationExpr {
  const text = textOf(source, node).replace(/_/g, "");
  const pos = rangeOf(node);
  if (isDurationToken(text)) {
    const ms = parseDurationMs(text);
    if (ms === undefined) throw new ParseProblem(`not a valid duration string: ${JSON.stringify(text)}`, pos);
    if (ms / 1000 > 2 ** 63 / 1e9) throw new ParseProblem("duration out of range", pos);
    return { kind: "durationLiteral", ms, pos };
  }
  const seconds = parseNumberText(text);
  if (!Number.isFinite(seconds)) throw new ParseProblem(`not a valid duration string: ${JSON.stringify(text)}`, pos);
  // A duration is an int64 of nanoseconds in Prometheus.
  if (Math.abs(seconds) > 2 ** 63 / 1e9) throw new ParseProblem("duration out of range", pos);
  return { kind: "durationLiteral", ms: Math.round(seconds * 1000), pos, unitless: true };
}

/** A whole range, step or offset: a bare literal keeps no unitless mark, as it prints as a duration. */
export function buildDurationClause(source: Source, node: SyntaxNode): DurationExpr {
  const duration = buildDuration(source, node);
  const literal = duration.kind === "durationUnary" ? duration.expr : duration;
  if (literal.kind === "durationLiteral") delete literal.unitless;
  return duration;
}
