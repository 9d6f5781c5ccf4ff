import type { Expr } from "../../ast";

/** The AST without positions and with matchers in a fixed order (formatting sorts them), for round-trip checks. */
export function comparableAst(expr: Expr): unknown {
  return JSON.parse(
    JSON.stringify(expr, (key, value: unknown) => {
      if (key === "pos") return undefined;
      if (key === "matchers") return [...(value as object[])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      if (typeof value === "number" && Number.isNaN(value)) return "NaN";
      if (value && typeof value === "object" && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
      return value;
    }),
  );
}
