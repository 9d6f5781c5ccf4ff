import { parser } from "@prometheus-io/lezer-promql";

export type SyntaxNode = ReturnType<typeof parser.parse>["topNode"];

/** The query text and helpers the tree walk shares. */
export interface Source {
  query: string;
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

export function childNamed(node: SyntaxNode, name: string): SyntaxNode | undefined {
  return childrenOf(node).find((child) => child.name === name);
}

export function textOf(source: Source, node: SyntaxNode): string {
  return source.query.slice(node.from, node.to);
}

export function rangeOf(node: SyntaxNode): { start: number; end: number } {
  return { start: node.from, end: node.to };
}

export function parseTree(text: string): SyntaxNode {
  return parser.parse(text).topNode;
}
