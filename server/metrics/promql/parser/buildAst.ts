import type { AggregateExpr, AggregateOp, AtModifier, Call, DurationExpr, Expr, NumberLiteral, SubqueryExpr } from "../ast";
import { buildBinary } from "./buildBinary";
import { buildDurationClause } from "./buildDuration";
import { buildVectorSelector, readString } from "./buildSelector";
import { groupingLabels, isExprNode } from "./exprNodes";
import { functionSignatures } from "./functions";
import { isDurationToken, parseNumberText } from "./literals";
import { applyAt, applyOffset, applyPostfix, applyRangeMode } from "./modifiers";
import { ParseProblem } from "./parseError";
import { childNamed, childrenOf, rangeOf, textOf, type Source, type SyntaxNode } from "./syntaxTree";

/** Walks one expression node of the lezer tree into Orrery's AST. */
export function buildExpr(source: Source, node: SyntaxNode): Expr {
  const pos = rangeOf(node);
  switch (node.name) {
    case "NumberDurationLiteral":
      return buildNumber(source, node);
    case "StringLiteral":
      return { kind: "string", value: readString(source, node), pos };
    case "VectorSelector":
      return buildVectorSelector(source, node);
    case "ParenExpr":
      return { kind: "paren", expr: buildExpr(source, firstExpr(node)), pos };
    case "UnaryExpr":
      return buildUnary(source, node);
    case "BinaryExpr":
      return buildBinary(source, node, buildExpr);
    case "FunctionCall":
      return buildCall(source, node);
    case "AggregateExpr":
      return buildAggregate(source, node);
    case "MatrixSelector":
      return buildMatrix(source, node);
    case "SubqueryExpr":
      return buildSubquery(source, node);
    case "OffsetExpr":
      return buildOffset(source, node);
    case "StepInvariantExpr":
      return buildAt(source, node);
    case "AnchoredExpr":
    case "SmoothedExpr":
      return buildRangeMode(source, node);
    default:
      throw new ParseProblem(`unexpected ${JSON.stringify(textOf(source, node))}`, pos);
  }
}

function firstExpr(node: SyntaxNode): SyntaxNode {
  const inner = childrenOf(node).find(isExprNode);
  if (!inner) throw new ParseProblem("unexpected end of input", { start: node.to, end: node.to });
  return inner;
}

export function buildNumber(source: Source, node: SyntaxNode): NumberLiteral {
  const text = textOf(source, node).replace(/\s+/g, "");
  const unsigned = text.replace(/^[+-]/, "");
  const literal: NumberLiteral = { kind: "number", value: parseNumberText(text), pos: rangeOf(node) };
  if (!Number.isFinite(literal.value) && !Number.isNaN(literal.value) && !/inf/i.test(text)) {
    const digits = unsigned.replace(/_/g, "");
    throw new ParseProblem(`error parsing number: strconv.ParseFloat: parsing ${JSON.stringify(digits)}: value out of range`, rangeOf(node));
  }
  if (isDurationToken(unsigned.replace(/_/g, ""))) literal.duration = true;
  return literal;
}

function buildUnary(source: Source, node: SyntaxNode): Expr {
  const opNode = childNamed(node, "UnaryOp");
  const op = opNode && textOf(source, opNode) === "-" ? "-" : "+";
  const inner = buildExpr(source, firstExpr(node));
  if (inner.kind === "number") {
    // Prometheus folds a sign into the literal it precedes.
    return { ...inner, value: op === "-" ? -inner.value : inner.value, pos: rangeOf(node) };
  }
  return { kind: "unary", op, expr: inner, pos: rangeOf(node) };
}

function callArgs(source: Source, body: SyntaxNode | undefined): Expr[] {
  return body ? childrenOf(body).filter(isExprNode).map((arg) => buildExpr(source, arg)) : [];
}

function buildCall(source: Source, node: SyntaxNode): Call {
  const identifier = childNamed(node, "FunctionIdentifier");
  const name = identifier ? textOf(source, identifier) : "";
  if (!functionSignatures.has(name)) throw new ParseProblem(`unknown function with name ${JSON.stringify(name)}`, identifier ? rangeOf(identifier) : rangeOf(node));
  return { kind: "call", func: name, args: callArgs(source, childNamed(node, "FunctionCallBody")), pos: rangeOf(node) };
}

const PARAM_AGGREGATES = new Set<AggregateOp>(["topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio"]);

function buildAggregate(source: Source, node: SyntaxNode): AggregateExpr {
  const opNode = childNamed(node, "AggregateOp");
  const op = (opNode ? textOf(source, opNode).toLowerCase() : "sum") as AggregateOp;
  const args = callArgs(source, childNamed(node, "FunctionCallBody"));
  const pos = rangeOf(node);
  if (args.length === 0) throw new ParseProblem("no arguments for aggregate expression provided", pos);
  const wanted = PARAM_AGGREGATES.has(op) ? 2 : 1;
  if (args.length !== wanted) {
    throw new ParseProblem(`wrong number of arguments for aggregate expression provided, expected ${wanted}, got ${args.length}`, pos);
  }
  const modifier = childNamed(node, "AggregateModifier");
  const grouping = modifier ? groupingLabels(source, childNamed(modifier, "GroupingLabels")) : [];
  const without = modifier ? childNamed(modifier, "Without") !== undefined : false;
  const expr = args[wanted - 1] as Expr;
  const aggregate: AggregateExpr = { kind: "aggregate", op, expr, grouping, without, pos };
  if (wanted === 2) aggregate.param = args[0];
  return aggregate;
}

function buildMatrix(source: Source, node: SyntaxNode): Expr {
  const rangeNode = childNamed(node, "DurationExpr");
  if (!rangeNode) throw new ParseProblem("unexpected end of input", { start: node.to, end: node.to });
  const range = positiveRange(buildDurationClause(source, rangeNode));
  const bracketPos = { start: rangeNode.from - 1, end: node.to };
  return applyPostfix(buildExpr(source, firstExpr(node)), node.to, (inner) => {
    if (inner.kind !== "vectorSelector") throw new ParseProblem("ranges only allowed for vector selectors", bracketPos);
    if (inner.offset) throw new ParseProblem("no offset modifiers allowed before range", bracketPos);
    if (inner.at) throw new ParseProblem("no @ modifiers allowed before range", bracketPos);
    return { kind: "matrixSelector", selector: inner, range, pos: { start: inner.pos.start, end: node.to } };
  });
}

function buildSubquery(source: Source, node: SyntaxNode): Expr {
  const [rangeNode, stepNode] = childrenOf(node).filter((kid) => kid.name === "DurationExpr");
  if (!rangeNode) throw new ParseProblem("unexpected end of input", { start: node.to, end: node.to });
  const range = positiveRange(buildDurationClause(source, rangeNode));
  const step = stepNode ? buildDurationClause(source, stepNode) : undefined;
  return applyPostfix(buildExpr(source, firstExpr(node)), node.to, (inner) => {
    const subquery: SubqueryExpr = { kind: "subquery", expr: inner, range, pos: { start: inner.pos.start, end: node.to } };
    if (step) subquery.step = step;
    return subquery;
  });
}

/** A range written as a plain duration must be positive; expressions are checked when evaluated. */
function positiveRange(range: DurationExpr): DurationExpr {
  const literal = range.kind === "durationUnary" ? range.expr : range;
  const sign = range.kind === "durationUnary" ? -1 : 1;
  if (literal.kind === "durationLiteral" && sign * literal.ms <= 0) throw new ParseProblem("duration must be greater than 0", range.pos);
  return range;
}

function buildOffset(source: Source, node: SyntaxNode): Expr {
  const durationNode = childNamed(node, "OffsetDurationExpr");
  if (!durationNode) throw new ParseProblem("unexpected end of input in offset, expected duration", { start: node.to, end: node.to });
  const offset = buildDurationClause(source, durationNode);
  return applyPostfix(buildExpr(source, firstExpr(node)), node.to, (inner) => {
    applyOffset(inner, offset, { start: inner.pos.start, end: node.to });
    return inner;
  });
}

function buildAt(source: Source, node: SyntaxNode): Expr {
  const at = readAtModifier(source, node);
  return applyPostfix(buildExpr(source, firstExpr(node)), node.to, (inner) => {
    applyAt(inner, at, { start: inner.pos.start, end: node.to });
    return inner;
  });
}

function readAtModifier(source: Source, node: SyntaxNode): AtModifier {
  const preprocessor = childNamed(node, "AtModifierPreprocessors");
  if (preprocessor) return preprocessor.firstChild?.name === "AtEnd" ? { kind: "end" } : { kind: "start" };
  const numberNode = childrenOf(node).filter((kid) => kid.name === "NumberDurationLiteral").pop();
  if (!numberNode) throw new ParseProblem("unexpected end of input in @, expected timestamp", { start: node.to, end: node.to });
  const seconds = buildNumber(source, numberNode).value;
  // Prometheus refuses what does not fit an int64 of seconds.
  if (!Number.isFinite(seconds) || Math.abs(seconds) >= 2 ** 63) {
    throw new ParseProblem(`timestamp out of bounds for @ modifier: ${goFixed6(seconds)}`, rangeOf(node));
  }
  return { kind: "timestamp", ms: Math.round(seconds * 1000) };
}

/** Go's %f. */
function goFixed6(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return value.toFixed(6);
}

function buildRangeMode(source: Source, node: SyntaxNode): Expr {
  const mode = node.name === "AnchoredExpr" ? "anchored" : "smoothed";
  return applyPostfix(buildExpr(source, firstExpr(node)), node.to, (inner) => {
    applyRangeMode(inner, mode, { start: inner.pos.start, end: node.to });
    return inner;
  });
}
