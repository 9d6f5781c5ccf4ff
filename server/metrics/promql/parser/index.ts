export { parseExpr } from "./parseExpr";
export { valueTypeOf } from "./checkTypes";
export { functionSignatures, type FunctionSignature } from "./functions";
export { goQuote } from "./strings";
export { formatDuration } from "./literals";
