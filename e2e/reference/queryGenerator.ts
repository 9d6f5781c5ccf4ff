// Random well-typed PromQL over the kube series: functions by signature, aggregations, vector
// matching, set operators, modifiers and subqueries, nested to a bounded depth.
import { AGGREGATIONS, ARITHMETIC, COMPARISONS, FUNCTIONS, functionsReturning, isDateFunction, wantsCounter, type FunctionSignature } from "./functionSignatures";
import { METRICS } from "./kubeSeries";
import type { SeededRandom } from "./seededRandom";
import { SelectorGenerator } from "./selectorGenerator";
import { MatchingGenerator } from "./matchingGenerator";

export const GROUPING_LABELS = ["namespace", "pod", "node", "container", "resource", "job", "code", "method", "le", "phase"];
const MAX_DEPTH = 3;

export class QueryGenerator {
  readonly leaves: SelectorGenerator;
  private readonly matching: MatchingGenerator;

  constructor(private readonly rng: SeededRandom) {
    this.leaves = new SelectorGenerator(rng);
    this.matching = new MatchingGenerator(rng, this);
  }

  /** One top-level expression: mostly vectors, some scalars, a few strings. */
  expression(): string {
    return this.rng.weighted([
      [80, () => this.vector(MAX_DEPTH)],
      [14, () => this.scalar(MAX_DEPTH)],
      [5, () => this.matrix(MAX_DEPTH)],
      [1, () => JSON.stringify(this.rng.pick(["orrery", "a\tb", ""]))],
    ] as const)();
  }

  vector(depth: number): string {
    const rng = this.rng;
    if (depth <= 0) return this.instantSelector();
    const next = depth - 1;
    return rng.weighted([
      [14, () => this.instantSelector()],
      [22, () => this.call(rng.pick(functionsReturning("vector")), next)],
      [18, () => this.aggregation(next)],
      [6, () => this.parameterAggregation(next)],
      [14, () => this.matching.vectorBinary(next)],
      [8, () => this.matching.vectorScalar(next)],
      [3, () => `-${this.vector(next)}`],
      [3, () => `(${this.vector(next)})`],
      [4, () => this.labelFunction(next)],
      [3, () => this.histogramQuantile(next)],
    ] as const)();
  }

  /** Prometheus reads `x offset (1m * 2) - y` as a longer duration expression, so such a selector is parenthesized. */
  private instantSelector(): string {
    const modifiers = this.leaves.modifiers();
    const selector = this.leaves.selector() + modifiers;
    return modifiers.includes("(") ? `(${selector})` : selector;
  }

  scalar(depth: number): string {
    const rng = this.rng;
    if (depth <= 0) return this.leaves.number();
    const next = depth - 1;
    return rng.weighted([
      [8, () => this.leaves.number()],
      [4, () => `scalar(${this.vector(next)})`],
      [2, () => rng.pick(["time()", "pi()"])],
      [4, () => `${this.scalar(next)} ${rng.pick(ARITHMETIC)} ${this.scalar(next)}`],
      [2, () => `${this.scalar(next)} ${rng.pick(COMPARISONS)} bool ${this.scalar(next)}`],
      [1, () => `-(${this.scalar(next)})`],
    ] as const)();
  }

  /** A range selector or a subquery, with modifiers. */
  matrix(depth: number, counter = false): string {
    const rng = this.rng;
    if (depth <= 0 || rng.chance(0.8)) {
      const metrics = counter && rng.chance(0.85) ? METRICS.counters : undefined;
      return `${this.leaves.selector(metrics)}[${this.leaves.range()}]${this.leaves.modifiers()}`;
    }
    const inner = this.vector(depth - 1);
    return `(${inner})${this.leaves.subqueryRange()}${this.leaves.modifiers()}`;
  }

  call(signature: FunctionSignature, depth: number): string {
    const rng = this.rng;
    const given = signature.args.length - (signature.optional && rng.chance(0.3) ? signature.optional : 0);
    if (isDateFunction(signature.name) && given > 0) return `${signature.name}(${this.timestamps()})`;
    const args = signature.args.slice(0, given).map((kind) => {
      if (kind === "matrix") return this.matrix(depth, wantsCounter(signature.name));
      if (kind === "vector") return this.vector(depth);
      if (kind === "scalar") return this.scalarArgument(signature.name, depth);
      return JSON.stringify("x");
    });
    return `${signature.name}(${args.join(", ")})`;
  }

  /** Finite Unix times for date functions: sample timestamps, or the evaluation time. */
  private timestamps(): string {
    return this.rng.weighted([
      [4, () => `timestamp(${this.instantSelector()})`],
      [1, () => "vector(time())"],
      [1, () => `${this.leaves.selector(["kube_pod_info", "kube_node_status_capacity", "kube_deployment_status_replicas_available"])}`],
    ] as const)();
  }

  /** Scalars where a function gives them meaning: quantiles in [0, 1] mostly, smoothing factors in (0, 1). */
  private scalarArgument(functionName: string, depth: number): string {
    const rng = this.rng;
    if (functionName === "quantile_over_time" || functionName === "histogram_quantile") {
      return rng.chance(0.9) ? rng.pick(["0", "0.5", "0.9", "0.99", "1"]) : rng.pick(["-0.5", "1.5", "NaN"]);
    }
    if (functionName === "double_exponential_smoothing") return rng.pick(["0.1", "0.5", "0.9"]);
    if (functionName === "predict_linear") return rng.pick(["60", "600", "3600", "-300"]);
    return rng.chance(0.8) ? this.leaves.number() : this.scalar(depth);
  }

  grouping(): string {
    const rng = this.rng;
    if (rng.chance(0.3)) return "";
    const labels = rng.subset(GROUPING_LABELS, 3).join(", ");
    return ` ${rng.chance(0.75) ? "by" : "without"} (${rng.chance(0.05) ? "" : labels})`;
  }

  private aggregation(depth: number): string {
    const op = this.rng.pick(AGGREGATIONS);
    const grouping = this.grouping();
    const inner = this.vector(depth);
    return this.rng.chance(0.8) ? `${op}${grouping} (${inner})` : `${op}(${inner})${grouping}`;
  }

  /** topk/bottomk over series with distinct values (no ties to break), quantile, count_values, limitk by count. */
  private parameterAggregation(depth: number): string {
    const rng = this.rng;
    const grouping = this.grouping();
    return rng.weighted([
      [4, () => `${rng.pick(["topk", "bottomk"])}${grouping} (${rng.pick(["1", "2", "3", "0", "100"])}, ${this.distinctVector()})`],
      [3, () => `quantile${grouping} (${rng.pick(["0", "0.25", "0.5", "0.9", "1", "1.5", "-1"])}, ${this.vector(depth)})`],
      [2, () => `count_values${grouping} ("value", ${this.vector(depth)})`],
      [2, () => `count(limitk${grouping} (${rng.pick(["1", "2", "5"])}, ${this.vector(depth)}))`],
    ] as const)();
  }

  /** Vectors whose series never share a value at one time: topk's choice is then defined. */
  private distinctVector(): string {
    const rng = this.rng;
    const gauge = `${rng.pick(METRICS.distinct)}${rng.chance(0.3) ? `{${this.leaves.matcher()}}` : ""}`;
    const counter = `rate(${rng.pick(METRICS.distinctCounters)}[${rng.pick(["2m", "5m", "10m"])}])`;
    const base = rng.pick([gauge, counter]);
    return rng.weighted([
      [3, () => base],
      [1, () => `${base} * ${rng.pick(["2", "0.001", "-1"])}`],
      [1, () => `sum by (namespace, pod) (${base})`],
    ] as const)();
  }

  private labelFunction(depth: number): string {
    const rng = this.rng;
    const inner = this.vector(depth);
    return rng.weighted([
      [3, () => `label_replace(${inner}, "${rng.pick(["dst", "pod", "short"])}", "$1", "${rng.pick(GROUPING_LABELS)}", "${rng.pick(["(.*)", "(.*)-.*", "([a-z]+).*", "x(.*)"])}")`],
      [2, () => `label_join(${inner}, "${rng.pick(["joined", "namespace"])}", "${rng.pick(["/", "-", ""])}", ${rng.subset(GROUPING_LABELS, 3).map((l) => `"${l}"`).join(", ")})`],
      [1, () => `sort_by_label${rng.pick(["", "_desc"])}(${inner}, ${rng.subset(GROUPING_LABELS, 2).map((l) => `"${l}"`).join(", ")})`],
    ] as const)();
  }

  /** histogram_quantile over the classic buckets, the way dashboards write it. */
  private histogramQuantile(depth: number): string {
    const rng = this.rng;
    const by = rng.pick(["le", "le, namespace", "namespace, le"]);
    const buckets = `${METRICS.buckets}${rng.chance(0.3) ? `{namespace!="team-a"}` : ""}`;
    const inner = rng.chance(0.85) ? `sum by (${by}) (rate(${buckets}[${rng.pick(["1m", "5m", "10m"])}]))` : this.vector(depth);
    return `histogram_quantile(${this.scalarArgument("histogram_quantile", depth)}, ${inner})`;
  }
}

export { FUNCTIONS };
