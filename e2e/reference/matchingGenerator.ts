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
    const v = () => this.source.vector(depth);
    const on = rng.pick(JOIN_LABELS).join(", ");
    return rng.weighted([
      [4, () => `sum by (${on}) (${v()}) ${this.operator()} sum by (${on}) (${v()})`],
      [3, () => `${v()} ${this.operator()} on (${on}) group_left(${rng.chance(0.5) ? on : ""}) max by (${on}) (${v()})`],
      [2, () => `min by (${on}) (${v()}) ${this.operator()} on (${on}) group_right ${v()}`],
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
    const vector = this.source.vector(depth);
    const scalar = rng.chance(0.75) ? this.leafNumber() : this.source.scalar(depth);
    const op = this.operator();
    return rng.chance(0.7) ? `${vector} ${op} ${scalar}` : `${scalar} ${op} ${vector}`;
  }

  private leafNumber(): string {
    return this.rng.pick(["0", "1", "2", "0.5", "100", "1e6", "-3"]);
  }
}
