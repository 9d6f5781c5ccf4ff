/** PromQL text to Orrery's typed AST (server/metrics/promql/ast.ts), and back to text. */
export { parseExpr } from "./parseExpr";
export { valueTypeOf, documentedType } from "./valueTypeOf";
export { functionSignatures, type FunctionSignature } from "./functions";
export { rangeModifierError } from "./rangeModifiers";
export { formatExpr } from "./formatExpr";
export { formatDurationExpr } from "./formatDurationExpr";
export { prettyExpr } from "./prettyExpr";
export { goQuote } from "./strings";
export { formatDuration, parseDurationMs, parseNumberText } from "./literals";
