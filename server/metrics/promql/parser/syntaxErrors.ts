import { ParseProblem } from "./parseError";
import type { Source, SyntaxNode } from "./syntaxTree";

/** The first error the error-recovering grammar hid in the tree, in Prometheus's words. */
export function findSyntaxError(source: Source, top: SyntaxNode): ParseProblem | undefined {
  const cursor = top.cursor();
  do {
    if (cursor.type.isError) {
      const at = cursor.from;
      if (at >= source.query.trimEnd().length) return new ParseProblem("unexpected end of input", { start: source.query.length, end: source.query.length });
      return new ParseProblem(`unexpected character: ${JSON.stringify(source.query[at])}`, { start: at, end: at + 1 });
    }
  } while (cursor.next());
  return undefined;
}
