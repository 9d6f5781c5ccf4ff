import { compareLabels, compareStrings, formatLabels, labelsKey, type Labels } from "@/server/metrics/model/labels";
import type { MatrixSeries, QueryValue, VectorSample } from "@/server/metrics/promql/values";
import { almostEqual } from "./almostEqual";
import { histogramsMatch } from "./compareHistograms";
import { formatHistogram } from "./histogramText";
import type { EvalCommand, ExpectedSeries } from "./scriptTypes";
import type { SequenceValue } from "./seriesLine";

/** Whether the result's order is asserted: only `expect ordered` (or eval_ordered) asks for it, as in promqltest. */
export function isOrdered(command: EvalCommand): boolean {
  return command.legacy.ordered || command.expectations.ordered.length > 0;
}

/** Compares a query's value with the eval's expectation; returns why they differ, or null when they match. */
export function compareResult(command: EvalCommand, value: QueryValue): string | null {
  switch (value.resultType) {
    case "matrix":
      return compareMatrix(command, value.result);
    case "vector":
      if (command.expectedScalar) return `expected scalar result, but got vector ${formatVector(value.result)}`;
      return compareVector(command, value.result);
    case "scalar":
      return compareScalar(command, value.value);
    case "string":
      return (command.expectedString ?? "") === value.value ? null : `expected string "${command.expectedString ?? ""}" but got "${value.value}"`;
  }
}

/** A stable key for a label set that keeps empty values, so a stray empty label still counts as a difference. */
export function seriesKey(labels: Labels): string {
  return labelsKey([...labels].sort((a, b) => compareStrings(a.name, b.name)));
}

function expectedByKey(command: EvalCommand): Map<string, ExpectedSeries> {
  return new Map(command.expectedSeries.map((s) => [seriesKey(s.labels), s]));
}

function compareScalar(command: EvalCommand, actual: number): string | null {
  const expected = command.expectedScalar;
  if (!expected) return `expected vector or matrix result, but got scalar ${actual}`;
  if (expected.kind === "histogram") return `expected histogram ${formatHistogram(expected.histogram)} but got scalar ${actual}`;
  const want = expected.kind === "float" ? expected.value : 0;
  return almostEqual(want, actual) ? null : `expected scalar ${want} but got ${actual}`;
}

function compareVector(command: EvalCommand, samples: readonly VectorSample[]): string | null {
  const expected = expectedByKey(command);
  const seen = new Set<string>();
  for (const [index, sample] of samples.entries()) {
    const key = seriesKey(sample.labels);
    const want = expected.get(key);
    if (!want) return `unexpected metric ${formatLabels(sample.labels)} in result, has value ${formatSampleValue(sample)}`;
    if (isOrdered(command) && want.position !== index + 1) {
      return `expected metric ${formatLabels(sample.labels)} at position ${want.position} but was at ${index + 1}`;
    }
    const problem = compareOnePoint(want.values[0], sample);
    if (problem) return problem;
    seen.add(key);
  }
  for (const [key, want] of expected) if (!seen.has(key)) return `expected metric ${formatLabels(want.labels)} with ${formatValues(want.values)} not found`;
  return null;
}

function compareOnePoint(want: SequenceValue | undefined, sample: VectorSample): string | null {
  const name = formatLabels(sample.labels);
  if (want === undefined) return `no expected value for ${name}`;
  if (want.kind !== "histogram" && sample.histogram) return `expected float value ${formatValue(want)} for ${name} but got histogram ${formatHistogram(sample.histogram)}`;
  if (want.kind === "histogram") {
    if (!sample.histogram) return `expected histogram ${formatHistogram(want.histogram)} for ${name} but got float value ${sample.value}`;
    if (!histogramsMatch(want.histogram, sample.histogram, want.counterResetHintSet)) {
      return `expected ${formatHistogram(want.histogram)} for ${name} but got ${formatHistogram(sample.histogram)}`;
    }
    return null;
  }
  const expectedValue = want.kind === "float" ? want.value : 0;
  const actual = sample.value ?? 0;
  return almostEqual(expectedValue, actual) ? null : `expected ${expectedValue} for ${name} but got ${actual}`;
}

function compareMatrix(command: EvalCommand, series: readonly MatrixSeries[]): string | null {
  if (isOrdered(command)) return "expected ordered result, but query returned a matrix";
  if (command.expectedScalar) return `expected scalar result, but got matrix of ${series.length} series`;
  for (let i = 1; i < series.length; i++) {
    if (compareLabels(series[i - 1]!.labels, series[i]!.labels) > 0) {
      return `matrix results should always be sorted by labels, but ${formatLabels(series[i]!.labels)} comes after ${formatLabels(series[i - 1]!.labels)}`;
    }
  }
  const expected = expectedByKey(command);
  const seen = new Set<string>();
  for (const s of series) {
    const key = seriesKey(s.labels);
    const want = expected.get(key);
    if (!want) return `unexpected metric ${formatLabels(s.labels)} in result, has ${formatSeries(s)}`;
    seen.add(key);
    const problem = compareSeriesPoints(command, want, s);
    if (problem) return problem;
  }
  for (const [key, want] of expected) if (!seen.has(key)) return `expected metric ${formatLabels(want.labels)} not found`;
  return null;
}

/** The timestamps expected points sit on: the range query's steps, an `expect range vector` line's, or (instant) only its time. */
function pointWindow(command: EvalCommand): { start: number; end: number; step: number } {
  if (command.range) return command.range;
  if (command.rangeVector) return command.rangeVector;
  return { start: command.instantAt ?? 0, end: -Infinity, step: 0 };
}

function compareSeriesPoints(command: EvalCommand, want: ExpectedSeries, actual: MatrixSeries): string | null {
  const name = formatLabels(want.labels);
  const window = pointWindow(command);
  const floats: { t: number; value: number }[] = [];
  const histograms: { t: number; value: Extract<SequenceValue, { kind: "histogram" }> }[] = [];
  for (const [i, value] of want.values.entries()) {
    const t = window.start + i * window.step;
    if (t > window.end) return `expected ${want.values.length} points for ${name}, but query time range cannot return this many points`;
    if (value.kind === "histogram") histograms.push({ t, value });
    else if (value.kind === "float") floats.push({ t, value: value.value });
  }
  const gotHistograms = actual.histograms ?? [];
  if (floats.length !== actual.floats.length || histograms.length !== gotHistograms.length) {
    return `expected ${floats.length} float points and ${histograms.length} histogram points for ${name}, but got ${formatSeries(actual)}`;
  }
  for (const [i, exp] of floats.entries()) {
    const got = actual.floats[i]!;
    if (exp.t !== got.t) return `expected float value at index ${i} for ${name} to have timestamp ${exp.t}, but it had timestamp ${got.t} (result has ${formatSeries(actual)})`;
    if (!almostEqual(got.value, exp.value)) return `expected float value at index ${i} (t=${got.t}) for ${name} to be ${exp.value}, but got ${got.value} (result has ${formatSeries(actual)})`;
  }
  for (const [i, exp] of histograms.entries()) {
    const got = gotHistograms[i]!;
    if (exp.t !== got.t) return `expected histogram value at index ${i} for ${name} to have timestamp ${exp.t}, but it had timestamp ${got.t} (result has ${formatSeries(actual)})`;
    if (!histogramsMatch(exp.value.histogram, got.h, exp.value.counterResetHintSet)) {
      return `expected histogram value at index ${i} (t=${got.t}) for ${name} to be ${formatHistogram(exp.value.histogram)}, but got ${formatHistogram(got.h)}`;
    }
  }
  return null;
}

function formatSampleValue(sample: VectorSample): string {
  return sample.histogram ? formatHistogram(sample.histogram) : String(sample.value);
}

function formatVector(samples: readonly VectorSample[]): string {
  return `[${samples.map((s) => `${formatLabels(s.labels)} => ${formatSampleValue(s)}`).join(", ")}]`;
}

function formatValue(value: SequenceValue): string {
  if (value.kind === "omitted") return "_";
  return value.kind === "float" ? String(value.value) : formatHistogram(value.histogram);
}

function formatValues(values: readonly SequenceValue[]): string {
  return values.map(formatValue).join(" ");
}

/** `2 float points [1 @[0] 2 @[60000]] and 0 histogram points []`, as promqltest words a series in its messages. */
export function formatSeries(s: MatrixSeries): string {
  const floats = s.floats.map((p) => `${p.value} @[${p.t}]`).join(" ");
  const histograms = (s.histograms ?? []).map((p) => `${formatHistogram(p.h)} @[${p.t}]`).join(" ");
  const plural = (n: number) => (n === 1 ? "" : "s");
  const hCount = s.histograms?.length ?? 0;
  return `${s.floats.length} float point${plural(s.floats.length)} [${floats}] and ${hCount} histogram point${plural(hCount)} [${histograms}]`;
}
