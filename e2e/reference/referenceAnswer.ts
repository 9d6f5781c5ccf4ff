// Reads Prometheus's API JSON (the reference's answers) into Orrery's QueryValue shape.
import { labelsFromRecord } from "@/server/metrics/model/labels";
import type { PromErrorType, QueryValue } from "@/server/metrics/promql/values";

/** A query's result or its error, the same for both engines so that they can be compared. */
export type QueryOutcome =
  | { ok: true; value: QueryValue; warnings: string[]; infos: string[] }
  | { ok: false; errorType: PromErrorType; message: string };

type ApiPoint = [number, string];
interface ApiSeries {
  metric: Record<string, string>;
  value?: ApiPoint;
  values?: ApiPoint[];
  histogram?: unknown;
  histograms?: unknown[];
}
interface ApiAnswer {
  status: "success" | "error";
  data?: { resultType: QueryValue["resultType"]; result: unknown };
  warnings?: string[];
  infos?: string[];
  errorType?: PromErrorType;
  error?: string;
}

/** Prometheus writes floats as strings; "+Inf", "-Inf" and "NaN" are not JavaScript number syntax. */
export function parseApiFloat(text: string): number {
  if (text === "+Inf" || text === "Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a Prometheus float: ${JSON.stringify(text)}`);
  return value;
}

/** API timestamps are seconds with millisecond fractions. */
function toMillis(seconds: number): number {
  return Math.round(seconds * 1000);
}

export function decodeQueryAnswer(body: unknown): QueryOutcome {
  const answer = body as ApiAnswer;
  if (answer.status === "error") {
    return { ok: false, errorType: answer.errorType ?? "internal", message: answer.error ?? "" };
  }
  if (!answer.data) throw new Error(`reference answered without data: ${JSON.stringify(body).slice(0, 200)}`);
  return { ok: true, value: decodeValue(answer.data.resultType, answer.data.result), warnings: answer.warnings ?? [], infos: answer.infos ?? [] };
}

function decodeValue(resultType: QueryValue["resultType"], result: unknown): QueryValue {
  switch (resultType) {
    case "scalar": {
      const [t, v] = result as ApiPoint;
      return { resultType, t: toMillis(t), value: parseApiFloat(v) };
    }
    case "string": {
      const [t, v] = result as ApiPoint;
      return { resultType, t: toMillis(t), value: v };
    }
    case "vector":
      return { resultType, result: (result as ApiSeries[]).map(decodeVectorSample) };
    case "matrix":
      return { resultType, result: (result as ApiSeries[]).map(decodeMatrixSeries) };
  }
}

function refuseHistograms(series: ApiSeries): void {
  if (series.histogram !== undefined || series.histograms !== undefined) {
    throw new Error("the reference answered native histograms, which the differential test does not load or compare");
  }
}

function decodeVectorSample(series: ApiSeries) {
  refuseHistograms(series);
  const [t, v] = series.value ?? [NaN, "NaN"];
  return { labels: labelsFromRecord(series.metric), t: toMillis(t), value: parseApiFloat(v) };
}

function decodeMatrixSeries(series: ApiSeries) {
  refuseHistograms(series);
  return {
    labels: labelsFromRecord(series.metric),
    floats: (series.values ?? []).map(([t, v]) => ({ t: toMillis(t), value: parseApiFloat(v) })),
  };
}
