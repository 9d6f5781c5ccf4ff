import type { BinaryExpr, BinaryOp, Expr, VectorMatching } from "../ast";
import { groupingLabels, isExprNode } from "./exprNodes";
import { parseNumberText } from "./literals";
import { ParseProblem } from "./parseError";
import { childNamed, childrenOf, rangeOf, textOf, type Source, type SyntaxNode } from "./syntaxTree";

const BINARY_OPS: Record<string, BinaryOp> = {
  Pow: "^", Mul: "*", Div: "/", Mod: "%", Atan2: "atan2", Add: "+", Sub: "-", Eql: "==", Neq: "!=", Gtr: ">", Lss: "<",
  Gte: ">=", Lte: "<=", And: "and", Or: "or", Unless: "unless", TrimUpper: "</", TrimLower: ">/",
};

type BuildExpr = (source: Source, node: SyntaxNode) => Expr;

/** A BinaryExpr node with its bool, on/ignoring, group_left/right and fill modifiers. */
export function buildBinary(source: Source, node: SyntaxNode, buildExpr: BuildExpr): Expr {
  const kids = childrenOf(node);
  const opNode = kids.find((kid) => BINARY_OPS[kid.name] !== undefined);
  const [lhsNode, rhsNode] = kids.filter(isExprNode);
  if (!opNode || !lhsNode || !rhsNode) throw new ParseProblem("unexpected end of input", { start: node.to, end: node.to });
  const op = BINARY_OPS[opNode.name] as BinaryOp;
  const pos = rangeOf(node);
  const binary: BinaryExpr = {
    kind: "binary",
    op,
    lhs: buildExpr(source, lhsNode),
    rhs: buildExpr(source, rhsNode),
    returnBool: childNamed(node, "BoolModifier") !== undefined,
    pos,
  };
  const matching = readMatching(source, node, op);
  if (matching) binary.matching = matching;
  return reassociate(op === "^" ? liftSignOverPower(source, binary, lhsNode) : binary);
}

/** Prometheus's operator precedence, loosest first; a sign binds like `*`. */
const PRECEDENCE: Record<BinaryOp, number> = {
  or: 1, and: 2, unless: 2, "==": 3, "!=": 3, ">": 3, "<": 3, ">=": 3, "<=": 3, "</": 3, ">/": 3,
  "+": 4, "-": 4, "*": 5, "/": 5, "%": 5, atan2: 5, "^": 6,
};
const SIGN_PRECEDENCE = 5;

/**
 * The grammar applies a trailing offset or @ to the whole expression on its left (`2 + x offset 1m * 3`
 * becomes `(2 + x offset 1m) * 3`), where Prometheus binds it to the last operand. An unparenthesized
 * left operand that binds looser than the operator only arises that way, so it moves back under it.
 */
function reassociate(expr: Expr): Expr {
  if (expr.kind !== "binary") return expr;
  const { lhs } = expr;
  const precedence = PRECEDENCE[expr.op];
  if (lhs.kind === "binary" && (PRECEDENCE[lhs.op] < precedence || (lhs.op === "^" && expr.op === "^"))) {
    const inner = reassociate({ ...expr, lhs: lhs.rhs, pos: { start: lhs.rhs.pos.start, end: expr.pos.end } });
    return { ...lhs, rhs: inner, pos: expr.pos };
  }
  if (lhs.kind === "unary" && precedence > SIGN_PRECEDENCE) {
    const inner = reassociate({ ...expr, lhs: lhs.expr, pos: { start: lhs.expr.pos.start, end: expr.pos.end } });
    return { kind: "unary", op: lhs.op, expr: inner, pos: expr.pos };
  }
  return expr;
}

/** `-1 ^ 2` is `-(1 ^ 2)` in Prometheus; the grammar glues the sign to the literal, so move it out. */
function liftSignOverPower(source: Source, binary: BinaryExpr, lhsNode: SyntaxNode): Expr {
  const text = textOf(source, lhsNode);
  if (lhsNode.name !== "NumberDurationLiteral" || !/^[+-]/.test(text) || binary.lhs.kind !== "number") return binary;
  const unsignedText = text.slice(1).trim();
  const literalStart = lhsNode.to - unsignedText.length;
  const lhs = { ...binary.lhs, value: parseNumberText(unsignedText), pos: { start: literalStart, end: lhsNode.to } };
  const inner: BinaryExpr = { ...binary, lhs, pos: { start: literalStart, end: binary.pos.end } };
  return { kind: "unary", op: text.startsWith("-") ? "-" : "+", expr: inner, pos: binary.pos };
}

function readMatching(source: Source, node: SyntaxNode, op: BinaryOp): VectorMatching | undefined {
  const clause = childNamed(node, "MatchingModifierClause");
  const fill = childNamed(node, "FillModifier");
  const setOp = op === "and" || op === "or" || op === "unless";
  if (!clause && !fill && !setOp) return undefined;
  const matching: VectorMatching = { card: setOp ? "many-to-many" : "one-to-one", matchingLabels: [], on: false, include: [] };
  if (clause) readMatchingClause(source, clause, matching);
  if (fill) readFill(source, fill, matching);
  return matching;
}

function readMatchingClause(source: Source, clause: SyntaxNode, matching: VectorMatching): void {
  const [labels, include] = childrenOf(clause).filter((kid) => kid.name === "GroupingLabels");
  matching.on = childNamed(clause, "On") !== undefined;
  matching.matchingLabels = groupingLabels(source, labels);
  if (childNamed(clause, "GroupLeft")) matching.card = "many-to-one";
  if (childNamed(clause, "GroupRight")) matching.card = "one-to-many";
  matching.include = groupingLabels(source, include);
}

function readFill(source: Source, fill: SyntaxNode, matching: VectorMatching): void {
  for (const clause of childrenOf(fill)) {
    const valueNode = childNamed(clause, "NumberDurationLiteral");
    if (!valueNode) throw new ParseProblem("unexpected end of input in fill modifier", rangeOf(clause));
    const value = parseNumberText(textOf(source, valueNode).replace(/\s+/g, ""));
    if (clause.name !== "FillRightClause") matching.fillLeft = value;
    if (clause.name !== "FillLeftClause") matching.fillRight = value;
  }
}
