// Leaves of generated PromQL: selectors with every matcher type, ranges, offsets, @ and literals.
import { LABEL_VALUES, METRICS } from "./kubeSeries";
import type { SeededRandom } from "./seededRandom";

const ALL_METRICS = [...METRICS.gauges, ...METRICS.counters, METRICS.buckets];
const RANGES = ["30s", "47s", "1m", "90s", "2m", "5m", "10m", "1h"];
// Pod names are generated; matchers on them are patterns, or names that match nothing.
const POD_PATTERNS = ["api-.*", "web-.*|worker-.*", "coredns-[0-9a-f]+", "x"];
const SUBQUERY_STEPS = ["", "15s", "30s", "1m", "45s"];

export class SelectorGenerator {
  constructor(private readonly rng: SeededRandom) {}

  /** `name{matchers}`, `{__name__=~...}` or a bare name; metric names come from the test series. */
  selector(metrics: readonly string[] = ALL_METRICS): string {
    const rng = this.rng;
    if (rng.chance(0.06)) return `{__name__=~"${rng.pick(["kube_pod_container_resource_.*", "http_request.*", "kube_node_.*|node_.*"])}"${this.matchers(", ")}}`;
    const name = rng.pick(metrics);
    const matchers = rng.chance(0.55) ? this.matchers("") : "";
    return matchers === "" && rng.chance(0.7) ? name : `${name}{${matchers}}`;
  }

  private matchers(prefix: string): string {
    const rng = this.rng;
    const count = rng.weighted([[5, 1], [3, 2], [1, 3]] as const);
    const parts = Array.from({ length: count }, () => this.matcher());
    return parts.length === 0 ? "" : prefix + parts.join(", ");
  }

  /** One matcher of any type, sometimes one that matches nothing or matches the absent (empty) value. */
  matcher(): string {
    const rng = this.rng;
    const name = rng.pick([...Object.keys(LABEL_VALUES), "pod"]);
    const values = LABEL_VALUES[name] ?? POD_PATTERNS;
    const value = rng.chance(0.08) ? rng.pick(["", "nonexistent"]) : rng.pick(values);
    switch (rng.weighted([[4, "="], [2, "!="], [3, "=~"], [2, "!~"]] as const)) {
      case "=":
        return `${name}=${JSON.stringify(value)}`;
      case "!=":
        return `${name}!=${JSON.stringify(value)}`;
      case "=~":
        return `${name}=~${JSON.stringify(this.regex(values))}`;
      case "!~":
        return `${name}!~${JSON.stringify(this.regex(values))}`;
    }
  }

  private regex(values: readonly string[]): string {
    const rng = this.rng;
    if (values === POD_PATTERNS) return rng.pick(POD_PATTERNS);
    return rng.weighted([
      [3, () => rng.subset(values, 3).map(escapeRegex).join("|")],
      [2, () => `${escapeRegex(rng.pick(values)).slice(0, 2)}.*`],
      [1, () => ".+"],
      [1, () => ".*"],
      [1, () => `(?i)${escapeRegex(rng.pick(values).toUpperCase())}`],
    ] as const)();
  }

  range(): string {
    if (this.rng.chance(0.06)) return this.rng.pick(["5m + 30s", "2m * 3", "10m - 1m"]);
    return this.rng.pick(RANGES);
  }

  /** A subquery's `[range:step]`, the step sometimes omitted (the engine's default 1m). */
  subqueryRange(): string {
    return `[${this.rng.pick(["5m", "10m", "30m", "1h"])}:${this.rng.pick(SUBQUERY_STEPS)}]`;
  }

  /** ` offset d`, ` @ t`, both, or nothing; negative offsets and start()/end() included. */
  modifiers(): string {
    const rng = this.rng;
    let out = "";
    if (rng.chance(0.12)) out += ` @ ${rng.pick(["1800", "3000.5", "start()", "end()", "600"])}`;
    if (rng.chance(0.15)) out += ` offset ${rng.pick(["1m", "5m", "-2m", "30s", "10m", "(1m * 2)"])}`;
    return out;
  }

  /** A float literal in one of PromQL's spellings. */
  number(): string {
    const rng = this.rng;
    return rng.weighted([
      [6, () => String(rng.pick([0, 1, 2, 3, 10, 100, 0.5, 0.25, 1024]))],
      [2, () => (rng.next() * 10).toFixed(rng.int(0, 3))],
      [1, () => rng.pick(["1e3", "2.5e-1", "0x10", "Inf", "-Inf", "NaN", "-1", ".5"])],
    ] as const)();
  }
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export { ALL_METRICS };
