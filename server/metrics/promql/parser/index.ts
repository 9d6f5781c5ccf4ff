export { parseExpr } from "./parseExpr";
export { valueTypeOf, documentedType } from "./valueTypeOf";
export { functionSignatures, type FunctionSignature } from "./functions";
export { goQuote } from "./strings";
export { formatDuration } from "./literals";
export { rangeModifierError } from "./rangeModifiers";
export { formatExpr } from "./formatExpr";
