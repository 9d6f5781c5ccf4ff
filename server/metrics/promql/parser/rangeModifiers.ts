import type { Call } from "../ast";

const ANCHORED_FUNCTIONS = ["changes", "delta", "increase", "rate", "resets"];
const SMOOTHED_FUNCTIONS = ["delta", "increase", "rate"];

/**
 * Prometheus refuses `anchored` / `smoothed` ranges in functions that do not read counter edges; it
 * does so when evaluating the call, not when parsing, so the evaluator asks here. Undefined: allowed.
 */
export function rangeModifierError(call: Call): string | undefined {
  for (const arg of call.args) {
    if (arg.kind !== "matrixSelector") continue;
    const mode = arg.selector.anchored ? "anchored" : arg.selector.smoothed ? "smoothed" : undefined;
    const allowed = mode === "anchored" ? ANCHORED_FUNCTIONS : SMOOTHED_FUNCTIONS;
    if (mode && !allowed.includes(call.func)) return `${mode} modifier can only be used with: ${allowed.join(", ")} - not with ${call.func}`;
  }
  return undefined;
}
