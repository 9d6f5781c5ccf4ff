// Compares two query outcomes as the differential test requires: the same series (label sets), the
// same timestamps, values within 1e-9 relative (NaN equals NaN), or errors of the same type.
import { formatLabels, labelsKey, type Labels } from "@/server/metrics/model/labels";
import type { MatrixSeries, QueryValue, VectorSample } from "@/server/metrics/promql/values";
import type { QueryOutcome } from "./referenceAnswer";

export const RELATIVE_TOLERANCE = 1e-9;

/** Significant digits of a numeric label value when series left unmatched are paired (see pairSeries). */
const LABEL_DIGITS = 12;

/** A numeric label value to 12 digits: count_values labels may differ in the last bit (Go's math vs V8's). */
export function comparableLabelValue(value: string): string {
  if (value.length <= LABEL_DIGITS + 2 || !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(value)) return value;
  return Number(value).toPrecision(LABEL_DIGITS);
}

function tolerantKey(labels: Labels): string {
  return labelsKey(labels.map((l) => ({ name: l.name, value: comparableLabelValue(l.value) })));
}

/** Undefined when the outcomes agree, else the first difference in words. */
export type Difference = string | undefined;

export function sameFloat(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** `ordered`: the query sorts its result (sort, sort_desc), so the order of values must agree too. */
export function compareOutcomes(orrery: QueryOutcome, reference: QueryOutcome, ordered = false): Difference {
  if (!orrery.ok || !reference.ok) {
    if (orrery.ok) return `Orrery answered, the reference failed with ${reference.ok ? "" : reference.errorType}`;
    if (reference.ok) return `Orrery failed with ${orrery.errorType}, the reference answered`;
    return orrery.errorType === reference.errorType ? undefined : `error types differ: ${orrery.errorType} vs ${reference.errorType}`;
  }
  return compareValues(orrery.value, reference.value, ordered);
}

function compareValues(a: QueryValue, b: QueryValue, ordered: boolean): Difference {
  if (a.resultType !== b.resultType) return `result types differ: ${a.resultType} vs ${b.resultType}`;
  if (a.resultType === "scalar" && b.resultType === "scalar") return comparePoint("scalar", a, b);
  if (a.resultType === "string" && b.resultType === "string") {
    return a.t === b.t && a.value === b.value ? undefined : `strings differ: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (a.resultType === "vector" && b.resultType === "vector") return compareVectors(a.result, b.result, ordered);
  if (a.resultType === "matrix" && b.resultType === "matrix") return compareMatrices(a.result, b.result);
  return undefined;
}

function comparePoint(what: string, a: { t: number; value?: number }, b: { t: number; value?: number }): Difference {
  if (a.t !== b.t) return `${what}: timestamps differ: ${a.t} vs ${b.t}`;
  if (a.value === undefined || b.value === undefined) return `${what}: a native histogram where a float was expected`;
  return sameFloat(a.value, b.value) ? undefined : `${what}: values differ: ${a.value} vs ${b.value} at ${a.t}`;
}

type Paired<T> = { pairs: [T, T][] } | { difference: string };

/**
 * Pairs each of Orrery's series with the reference's of the same label set; series left over are
 * paired by numeric label values to 12 digits, since count_values writes values into a label.
 */
function pairSeries<T extends { labels: Labels }>(a: readonly T[], b: readonly T[]): Paired<T> {
  const exactB = new Map(b.map((s) => [labelsKey(s.labels), s]));
  if (new Set(a.map((s) => labelsKey(s.labels))).size !== a.length) return { difference: "Orrery's result has two series with one label set" };
  const pairs: [T, T][] = [];
  const leftA: T[] = [];
  for (const series of a) {
    const other = exactB.get(labelsKey(series.labels));
    if (other) {
      pairs.push([series, other]);
      exactB.delete(labelsKey(series.labels));
    } else leftA.push(series);
  }
  const leftB = new Map([...exactB.values()].map((s) => [tolerantKey(s.labels), s]));
  for (const series of leftA) {
    const other = leftB.get(tolerantKey(series.labels));
    if (!other) return { difference: `series only in Orrery's result: ${formatLabels(series.labels)} (${a.length} vs ${b.length} series)` };
    pairs.push([series, other]);
    leftB.delete(tolerantKey(series.labels));
  }
  const onlyB = leftB.values().next();
  if (!onlyB.done) return { difference: `series only in the reference's result: ${formatLabels(onlyB.value.labels)} (${a.length} vs ${b.length} series)` };
  return { pairs };
}

function compareVectors(a: readonly VectorSample[], b: readonly VectorSample[], ordered: boolean): Difference {
  const paired = pairSeries(a, b);
  if ("difference" in paired) return paired.difference;
  for (const [sample, other] of paired.pairs) {
    const difference = comparePoint(formatLabels(sample.labels), sample, other);
    if (difference) return difference;
  }
  // Ties may come in any order, so a sorted result is held to the order of its values only.
  for (let i = 0; ordered && i < a.length; i++) {
    if (!sameFloat(a[i]!.value ?? NaN, b[i]!.value ?? NaN)) return `order differs at position ${i}: ${a[i]!.value} vs ${b[i]!.value}`;
  }
  return undefined;
}

function compareMatrices(a: readonly MatrixSeries[], b: readonly MatrixSeries[]): Difference {
  const paired = pairSeries(a, b);
  if ("difference" in paired) return paired.difference;
  for (const [series, other] of paired.pairs) {
    const name = formatLabels(series.labels);
    if ((series.histograms?.length ?? 0) > 0) return `${name}: native histogram points in Orrery's result`;
    if (series.floats.length !== other.floats.length) {
      return `${name}: ${series.floats.length} vs ${other.floats.length} points (first timestamps ${series.floats[0]?.t} vs ${other.floats[0]?.t})`;
    }
    for (let i = 0; i < series.floats.length; i++) {
      const difference = comparePoint(name, series.floats[i]!, other.floats[i]!);
      if (difference) return difference;
    }
  }
  return undefined;
}

/** A short, readable form of an outcome for a mismatch report. */
export function describeOutcome(outcome: QueryOutcome, maxChars = 600): string {
  const text = outcome.ok ? JSON.stringify(outcome.value, replaceSpecialFloats) : `error ${outcome.errorType}: ${outcome.message}`;
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}… (${text.length} chars)`;
}

function replaceSpecialFloats(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null && "name" in v && "value" in v)) {
    return formatLabels(value as Labels);
  }
  return value;
}
