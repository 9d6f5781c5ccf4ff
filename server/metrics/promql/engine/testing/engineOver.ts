import type { QueryValue } from "../../values";
import { createEngine } from "../createEngine";
import { arrayQuerier } from "./arrayQuerier";

type Data = Parameters<typeof arrayQuerier>[0];

/** A result as `labels => value` (instant) or `labels => [t, v][]` (range), label sets written as Prometheus prints them. */
export function flatten(v: QueryValue): Record<string, unknown> {
  const name = (labels: readonly { name: string; value: string }[]) => `{${labels.map((l) => `${l.name}="${l.value}"`).join(", ")}}`;
  if (v.resultType === "vector") return Object.fromEntries(v.result.map((s) => [name(s.labels), s.value]));
  if (v.resultType === "matrix") return Object.fromEntries(v.result.map((s) => [name(s.labels), s.floats.map((p) => [p.t / 1000, p.value])]));
  return { [v.resultType]: v.value };
}

/** An engine over fixed test series, with helpers that return flattened results. */
export function engineOver(data: Data) {
  const engine = createEngine({ querier: () => arrayQuerier(data) });
  return {
    engine,
    instant: async (query: string, seconds: number) => flatten((await engine.instantQuery(query, seconds * 1000)).value),
    range: async (query: string, start: number, end: number, step: number) =>
      flatten((await engine.rangeQuery(query, start * 1000, end * 1000, step * 1000)).value),
  };
}
