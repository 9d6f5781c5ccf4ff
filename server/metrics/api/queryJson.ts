import { labelsToRecord } from "../model/labels";
import { pointColumnsOf } from "../promql/pointColumns";
import type { MatrixSeries, QueryValue, VectorSample } from "../promql/values";
import { formatSampleValue, formatTimestamp } from "./formatValue";
import { histogramToJson, type HistogramJson } from "./histogramJson";

type Point = [number, string];
type HistogramPoint = [number, HistogramJson];

function vectorSampleJson(sample: VectorSample): Record<string, unknown> {
  const metric = labelsToRecord(sample.labels);
  const t = formatTimestamp(sample.t);
  if (sample.histogram) return { metric, histogram: [t, histogramToJson(sample.histogram)] satisfies HistogramPoint };
  return { metric, value: [t, formatSampleValue(sample.value ?? NaN)] satisfies Point };
}

/** Straight from the engine's columns when it kept them, so no point objects are built on the way. */
function floatsJson(series: MatrixSeries): Point[] {
  const columns = pointColumnsOf(series);
  if (!columns) return series.floats.map((p): Point => [formatTimestamp(p.t), formatSampleValue(p.value)]);
  const points = new Array<Point>(columns.timestamps.length);
  for (let i = 0; i < points.length; i++) points[i] = [formatTimestamp(columns.timestamps[i]!), formatSampleValue(columns.values[i]!)];
  return points;
}

function matrixSeriesJson(series: MatrixSeries): Record<string, unknown> {
  const json: Record<string, unknown> = { metric: labelsToRecord(series.labels) };
  const values = floatsJson(series);
  if (values.length > 0) json.values = values;
  if (series.histograms && series.histograms.length > 0) {
    json.histograms = series.histograms.map((p): HistogramPoint => [formatTimestamp(p.t), histogramToJson(p.h)]);
  }
  return json;
}

/** The `data` of a query answer: `{resultType, result}` in Prometheus's shapes. */
export function queryDataJson(value: QueryValue): { resultType: QueryValue["resultType"]; result: unknown } {
  switch (value.resultType) {
    case "scalar":
      return { resultType: "scalar", result: [formatTimestamp(value.t), formatSampleValue(value.value)] satisfies Point };
    case "string":
      return { resultType: "string", result: [formatTimestamp(value.t), value.value] satisfies Point };
    case "vector":
      return { resultType: "vector", result: value.result.map(vectorSampleJson) };
    case "matrix":
      return { resultType: "matrix", result: value.result.map(matrixSeriesJson) };
  }
}

/** Keeps at most `limit` series of a vector or matrix (0: all); answers whether any were dropped. */
export function limitSeries(value: QueryValue, limit: number): { value: QueryValue; truncated: boolean } {
  if (limit <= 0 || (value.resultType !== "vector" && value.resultType !== "matrix") || value.result.length <= limit) return { value, truncated: false };
  if (value.resultType === "vector") return { value: { resultType: "vector", result: value.result.slice(0, limit) }, truncated: true };
  return { value: { resultType: "matrix", result: value.result.slice(0, limit) }, truncated: true };
}
