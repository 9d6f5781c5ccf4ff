import { compareLabels, labelsKey, METRIC_NAME, type Labels } from "../../model/labels";
import type { MatrixSeries, QueryValue, VectorSample } from "../values";
import { PromQLError } from "../values";
import { windowBounds } from "./selectors";
import type { EvalValue, MatrixValue, StepGrid } from "./types";
import { stepTime } from "./types";

const DUPLICATE = "vector cannot contain metrics with the same labelset";

/** Delayed name removal happens here, at the end of the query. */
function finalLabels(labels: Labels, dropName: boolean): Labels {
  return dropName ? labels.filter((l) => l.name !== METRIC_NAME) : labels;
}

/** The result of an instant query, in the API's shapes; series keep the order evaluation gave them. */
export function instantResult(value: EvalValue, time: number): QueryValue {
  switch (value.type) {
    case "scalar":
      return { resultType: "scalar", t: time, value: value.values[0] ?? NaN };
    case "string":
      return { resultType: "string", t: time, value: value.value };
    case "matrix":
      return { resultType: "matrix", result: instantMatrix(value) };
    case "vector": {
      const seen = new Set<string>();
      const result: VectorSample[] = [];
      for (const s of value.series) {
        if (!s.present[0]) continue;
        const labels = finalLabels(s.labels, s.dropName);
        const key = labelsKey(labels);
        if (seen.has(key)) throw new PromQLError("execution", DUPLICATE);
        seen.add(key);
        result.push({ labels, t: time, value: s.values[0]! });
      }
      return { resultType: "vector", result };
    }
  }
}

function instantMatrix(m: MatrixValue): MatrixSeries[] {
  const end = m.windowEnds[0];
  if (end === undefined) return [];
  const out: MatrixSeries[] = [];
  for (const s of m.series) {
    const [from, to] = windowBounds(s.t, end, m.rangeMs);
    if (from === to) continue;
    const floats: { t: number; value: number }[] = [];
    for (let k = from; k < to; k++) floats.push({ t: s.t[k]!, value: s.v[k]! });
    out.push({ labels: finalLabels(s.labels, s.dropName), floats });
  }
  const keys = new Set(out.map((s) => labelsKey(s.labels)));
  if (keys.size !== out.length) throw new PromQLError("execution", DUPLICATE);
  return out;
}

/** The result of a range query: one series per label set, points at step times, sorted by labels. */
export function rangeResult(value: EvalValue, grid: StepGrid): QueryValue {
  if (value.type === "scalar") {
    const floats = Array.from(value.values, (v, i) => ({ t: stepTime(grid, i), value: v }));
    return { resultType: "matrix", result: floats.length ? [{ labels: [], floats }] : [] };
  }
  if (value.type !== "vector") throw new PromQLError("bad_data", `invalid expression type "${value.type === "matrix" ? "range vector" : "string"}" for range query, must be Scalar or instant Vector`);
  const bySeries = new Map<string, { labels: Labels; points: Map<number, number> }>();
  for (const s of value.series) {
    const labels = finalLabels(s.labels, s.dropName);
    const key = labelsKey(labels);
    let entry = bySeries.get(key);
    if (!entry) bySeries.set(key, (entry = { labels, points: new Map() }));
    for (let i = 0; i < grid.count; i++) {
      if (!s.present[i]) continue;
      if (entry.points.has(i)) throw new PromQLError("execution", DUPLICATE);
      entry.points.set(i, s.values[i]!);
    }
  }
  const result: MatrixSeries[] = [];
  for (const { labels, points } of bySeries.values()) {
    const steps = [...points.keys()].sort((a, b) => a - b);
    result.push({ labels, floats: steps.map((i) => ({ t: stepTime(grid, i), value: points.get(i)! })) });
  }
  result.sort((a, b) => compareLabels(a.labels, b.labels));
  return { resultType: "matrix", result };
}
