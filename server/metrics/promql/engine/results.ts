import { compareLabels, labelsKey, METRIC_NAME, type Labels } from "../../model/labels";
import type { NativeHistogram } from "../../model/sample";
import type { MatrixSeries, QueryValue, VectorSample } from "../values";
import { columnarSeries, type PointColumns } from "../pointColumns";
import { PromQLError } from "../values";
import { windowBounds } from "./selectors";
import type { EvalValue, MatrixValue, StepGrid, StepSeries } from "./types";
import { stepTime } from "./types";

const DUPLICATE = "vector cannot contain metrics with the same labelset";

/** Labels that go with the metric name: Prometheus 3's type and unit labels. */
const NAME_LABELS = new Set([METRIC_NAME, "__type__", "__unit__"]);

/** Delayed name removal happens here, at the end of the query. */
function finalLabels(labels: Labels, dropName: boolean): Labels {
  return dropName ? labels.filter((l) => !NAME_LABELS.has(l.name)) : labels;
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
      // Label sets are unique until names are dropped, so only then is there anything to check.
      const check = value.series.some((s) => s.dropName);
      const seen = new Set<string>();
      const result: VectorSample[] = [];
      for (const s of value.series) {
        const histogram = s.histograms?.[0];
        if (!s.present[0] && !histogram) continue;
        const labels = finalLabels(s.labels, s.dropName);
        if (check) {
          const key = labelsKey(labels);
          if (seen.has(key)) throw new PromQLError("execution", DUPLICATE);
          seen.add(key);
        }
        result.push(histogram ? { labels, t: time, histogram } : { labels, t: time, value: s.values[0]! });
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
  if (value.type !== "vector") {
    const type = value.type === "matrix" ? "range vector" : "string";
    throw new PromQLError("bad_data", `invalid expression type "${type}" for range query, must be Scalar or instant Vector`);
  }
  const finals = value.series.map((s) => finalLabels(s.labels, s.dropName));
  // Series already in strict label order (a selector's are) are unique and sorted: no keys, no sort.
  if (strictlyAscending(finals)) return { resultType: "matrix", result: matrixOf(value.series.map((s, i) => ({ labels: finals[i]!, members: [s] })), grid) };
  const groups = new Map<string, LabelGroup>();
  value.series.forEach((s, i) => {
    const labels = finals[i]!;
    const key = labelsKey(labels);
    const group = groups.get(key);
    if (group) group.members.push(s);
    else groups.set(key, { labels, members: [s] });
  });
  const result = matrixOf([...groups.values()], grid);
  result.sort((a, b) => compareLabels(a.labels, b.labels));
  return { resultType: "matrix", result };
}

interface LabelGroup {
  labels: Labels;
  members: StepSeries[];
}

function strictlyAscending(labels: Labels[]): boolean {
  for (let i = 1; i < labels.length; i++) if (compareLabels(labels[i - 1]!, labels[i]!) >= 0) return false;
  return true;
}

/** One matrix series per label set; a lone float series keeps columns instead of point objects. */
function matrixOf(groups: LabelGroup[], grid: StepGrid): MatrixSeries[] {
  let allSteps: Float64Array | undefined;
  const stepTimes = () => (allSteps ??= Float64Array.from({ length: grid.count }, (_, i) => stepTime(grid, i)));
  const result: MatrixSeries[] = [];
  for (const { labels, members } of groups) {
    const histograms = histogramPointsOf(members, grid);
    if (members.length === 1 && !histograms.length) {
      const columns = columnsOf(members[0]!, grid, stepTimes);
      if (columns.timestamps.length) result.push(columnarSeries(labels, columns));
      continue;
    }
    const floats = members.length === 1 ? pointsOf(members[0]!, grid) : mergedPoints(members, grid);
    if (histograms.length) result.push({ labels, floats, histograms });
    else if (floats.length) result.push({ labels, floats });
  }
  return result;
}

/** A series' present steps as columns (see pointColumns.ts); a series present at every step shares its arrays, as nothing writes them after evaluation. */
function columnsOf(s: StepSeries, grid: StepGrid, stepTimes: () => Float64Array): PointColumns {
  let n = 0;
  for (let i = 0; i < grid.count; i++) n += s.present[i]!;
  if (n === grid.count) return { timestamps: stepTimes(), values: s.values.subarray(0, n) };
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < grid.count; i++) {
    if (!s.present[i]) continue;
    timestamps[k] = grid.start + i * grid.step;
    values[k++] = s.values[i]!;
  }
  return { timestamps, values };
}

function pointsOf(s: StepSeries, grid: StepGrid): { t: number; value: number }[] {
  let n = 0;
  for (let i = 0; i < grid.count; i++) n += s.present[i]!;
  const floats = new Array<{ t: number; value: number }>(n);
  let k = 0;
  for (let i = 0; i < grid.count; i++) if (s.present[i]) floats[k++] = { t: grid.start + i * grid.step, value: s.values[i]! };
  return floats;
}

function histogramPointsOf(members: StepSeries[], grid: StepGrid): { t: number; h: NativeHistogram }[] {
  const points: { t: number; h: NativeHistogram }[] = [];
  for (const s of members) {
    if (!s.histograms) continue;
    s.histograms.forEach((h, i) => {
      if (h) points.push({ t: grid.start + i * grid.step, h });
    });
  }
  return points.sort((a, b) => a.t - b.t);
}

/** Series that became one label set when names were dropped; two samples at one step are an error. */
function mergedPoints(members: StepSeries[], grid: StepGrid): { t: number; value: number }[] {
  const floats: { t: number; value: number }[] = [];
  for (let i = 0; i < grid.count; i++) {
    let found: StepSeries | undefined;
    for (const s of members) {
      if (!s.present[i]) continue;
      if (found) throw new PromQLError("execution", DUPLICATE);
      found = s;
    }
    if (found) floats.push({ t: grid.start + i * grid.step, value: found.values[i]! });
  }
  return floats;
}
