// Compares two query outcomes as the differential test requires: the same series (label sets), the
// same timestamps, values within 1e-9 relative (NaN equals NaN), or errors of the same type.
import { formatLabels, labelsKey as exactLabelsKey, type Labels } from "@/server/metrics/model/labels";
import type { MatrixSeries, QueryValue, VectorSample } from "@/server/metrics/promql/values";
import type { QueryOutcome } from "./referenceAnswer";

export const RELATIVE_TOLERANCE = 1e-9;

/** Significant digits kept of a numeric label value when series are matched (see seriesKey). */
const LABEL_DIGITS = 12;

/**
 * count_values writes sample values into a label; Go's math and V8's differ in the last bit of
 * transcendental functions (tan, exp…), so a long numeric label value is matched to 12 digits.
 */
function labelsKey(labels: Labels): string {
  return exactLabelsKey(labels.map((l) => ({ name: l.name, value: comparableLabelValue(l.value) })));
}

export function comparableLabelValue(value: string): string {
  if (value.length <= LABEL_DIGITS + 2 || !/^-?\d+\.\d+(e[+-]?\d+)?$/.test(value)) return value;
  return Number(value).toPrecision(LABEL_DIGITS);
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

/** Label sets present on one side only, described by their first example. */
function compareLabelSets(a: readonly { labels: Labels }[], b: readonly { labels: Labels }[]): Difference {
  if (new Set(a.map((s) => labelsKey(s.labels))).size !== a.length) return "Orrery's result has two series with one label set";
  const keysB = new Set(b.map((s) => labelsKey(s.labels)));
  const keysA = new Set(a.map((s) => labelsKey(s.labels)));
  const onlyA = a.find((s) => !keysB.has(labelsKey(s.labels)));
  const onlyB = b.find((s) => !keysA.has(labelsKey(s.labels)));
  if (onlyA) return `series only in Orrery's result: ${formatLabels(onlyA.labels)} (${a.length} vs ${b.length} series)`;
  if (onlyB) return `series only in the reference's result: ${formatLabels(onlyB.labels)} (${a.length} vs ${b.length} series)`;
  return a.length === b.length ? undefined : `series counts differ: ${a.length} vs ${b.length}`;
}

function compareVectors(a: readonly VectorSample[], b: readonly VectorSample[], ordered: boolean): Difference {
  const labelDifference = compareLabelSets(a, b);
  if (labelDifference) return labelDifference;
  const byKey = new Map(b.map((s) => [labelsKey(s.labels), s]));
  for (const sample of a) {
    const difference = comparePoint(formatLabels(sample.labels), sample, byKey.get(labelsKey(sample.labels))!);
    if (difference) return difference;
  }
  // Ties may come in any order, so a sorted result is held to the order of its values only.
  for (let i = 0; ordered && i < a.length; i++) {
    if (!sameFloat(a[i]!.value ?? NaN, b[i]!.value ?? NaN)) return `order differs at position ${i}: ${a[i]!.value} vs ${b[i]!.value}`;
  }
  return undefined;
}

function compareMatrices(a: readonly MatrixSeries[], b: readonly MatrixSeries[]): Difference {
  const labelDifference = compareLabelSets(a, b);
  if (labelDifference) return labelDifference;
  const byKey = new Map(b.map((s) => [labelsKey(s.labels), s]));
  for (const series of a) {
    const other = byKey.get(labelsKey(series.labels))!;
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
