export { parseExpr } from "./parseExpr";
export { valueTypeOf, documentedType } from "./valueTypeOf";
export { functionSignatures, type FunctionSignature } from "./functions";
export { rangeModifierError } from "./rangeModifiers";
export { formatExpr } from "./formatExpr";
export { formatDurationExpr } from "./formatDurationExpr";
export { prettyExpr } from "./prettyExpr";
export { goQuote } from "./strings";
export { formatDuration, parseDurationMs, parseNumberText } from "./literals";
