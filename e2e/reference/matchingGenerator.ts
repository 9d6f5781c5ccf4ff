// Binary operators between vectors (on/ignoring, group_left/group_right, bool, set operators) and
// between a vector and a scalar. Most pairs are built so that the matching is valid; some are not.
import { ARITHMETIC, COMPARISONS, SET_OPERATORS } from "./functionSignatures";
import type { SeededRandom } from "./seededRandom";

interface ExpressionSource {
  vector(depth: number): string;
  scalar(depth: number): string;
}

const JOIN_LABELS = [["namespace"], ["namespace", "pod"], ["node"], ["namespace", "pod", "container"], ["job"]];

export class MatchingGenerator {
  constructor(
    private readonly rng: SeededRandom,
    private readonly source: ExpressionSource,
  ) {}

  /** An arithmetic operator, or a comparison with bool sometimes. */
  private operator(): string {
    const rng = this.rng;
    if (rng.chance(0.65)) return rng.pick(ARITHMETIC);
    return `${rng.pick(COMPARISONS)}${rng.chance(0.4) ? " bool" : ""}`;
  }

  vectorBinary(depth: number): string {
    const rng = this.rng;
    const v = () => operand(this.source.vector(depth));
    const onLabels = rng.pick(JOIN_LABELS);
    const on = onLabels.join(", ");
    // Labels copied by group_left may not be among the on labels.
    const copied = rng.subset(["node", "container", "job", "resource"].filter((l) => !onLabels.includes(l)), 2).join(", ");
    return rng.weighted([
      [4, () => `sum by (${on}) (${v()}) ${this.operator()} sum by (${on}) (${v()})`],
      [3, () => `${v()} ${this.operator()} on (${on}) group_left(${rng.chance(0.5) ? copied : ""}) max by (${on}) (${v()})`],
      [2, () => `min by (${on}) (${v()}) ${this.operator()} on (${on}) group_right() ${v()}`],
      [2, () => `${v()} ${this.operator()} on (namespace, pod) group_left(node${rng.chance(0.5) ? ", created_by_kind" : ""}) kube_pod_info`],
      [2, () => `${v()} ${this.operator()} ignoring (${rng.subset(["code", "method", "phase", "container", "le", "resource", "unit"], 2).join(", ")}) ${v()}`],
      [2, () => `${v()} ${this.operator()} ${v()}`],
      [4, () => `${v()} ${rng.pick(SET_OPERATORS)}${this.setMatching()} ${v()}`],
    ] as const)();
  }

  private setMatching(): string {
    const rng = this.rng;
    if (rng.chance(0.5)) return "";
    return ` ${rng.pick(["on", "ignoring"])} (${rng.pick(JOIN_LABELS).join(", ")})`;
  }

  vectorScalar(depth: number): string {
    const rng = this.rng;
    const vector = operand(this.source.vector(depth));
    const scalar = rng.chance(0.75) ? this.leafNumber() : operand(this.source.scalar(depth));
    const op = this.operator();
    return rng.chance(0.7) ? `${vector} ${op} ${scalar}` : `${scalar} ${op} ${vector}`;
  }

  private leafNumber(): string {
    return this.rng.pick(["0", "1", "2", "0.5", "100", "1e6", "-3"]);
  }
}

const BINARY_OPERATORS = new Set(["+", "-", "*", "/", "%", "^", "==", "!=", ">", "<", ">=", "<=", "and", "or", "unless", "atan2"]);

/** True when the expression has a binary operator outside brackets and strings. */
export function isBinaryExpression(expr: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === " " && depth === 0) {
      const token = expr.slice(i + 1).split(" ", 1)[0]!;
      if (BINARY_OPERATORS.has(token)) return true;
    }
  }
  return false;
}

/** Parenthesizes a binary expression used as an operand, so precedence cannot regroup it. */
export function operand(expr: string): string {
  return isBinaryExpression(expr) ? `(${expr})` : expr;
}
