import { readString } from "./buildSelector";
import { childrenOf, textOf, type Source, type SyntaxNode } from "./syntaxTree";

const EXPR_NODES = new Set([
  "AggregateExpr", "BinaryExpr", "FunctionCall", "MatrixSelector", "NumberDurationLiteral", "OffsetExpr", "AnchoredExpr",
  "SmoothedExpr", "ParenExpr", "StringLiteral", "SubqueryExpr", "UnaryExpr", "VectorSelector", "StepInvariantExpr",
]);

/** True for the grammar's expression nodes (the `expr` group), not tokens or clauses. */
export function isExprNode(node: SyntaxNode): boolean {
  return EXPR_NODES.has(node.name);
}

/** Labels of a GroupingLabels node: `(a, "b.c")`. */
export function groupingLabels(source: Source, node: SyntaxNode | undefined): string[] {
  if (!node) return [];
  return childrenOf(node).map((label) => (label.name === "QuotedLabelName" ? readString(source, label) : textOf(source, label)));
}
