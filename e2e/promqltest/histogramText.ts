import type { NativeHistogram } from "@/server/metrics/model/sample";
import { combineBuckets, expandBuckets, packBuckets } from "./histogramBuckets";
import { parseGoFloat } from "./numbers";

/** A histogram written in a script, and whether its counter reset hint was spelled out (only then is it compared). */
export interface ScriptHistogram {
  histogram: NativeHistogram;
  counterResetHintSet: boolean;
}

const HINTS = ["unknown", "reset", "not_reset", "gauge"] as const;
const FIELD = /\s*([a-z_]+):\s*(\[[^\]]*\]|[^\s\]]+)/y;

/** Parses the inside of `{{schema:1 sum:3 count:22 buckets:[5 10 7] …}}`; absent fields default as in Prometheus. */
export function parseHistogramDescription(body: string): ScriptHistogram {
  const fields = readFields(body);
  const integer = (key: string) => {
    const text = fields.get(key);
    if (text === undefined) return 0;
    if (!/^[+-]?\d+$/.test(text)) throw new Error(`histogram field ${key} must be an integer, got "${text}"`);
    return Number(text);
  };
  const float = (key: string) => (fields.has(key) ? parseGoFloat(fields.get(key)!) : 0);
  const list = (key: string) => parseList(key, fields.get(key));
  const hintText = fields.get("counter_reset_hint");
  if (hintText !== undefined && !(HINTS as readonly string[]).includes(hintText)) throw new Error(`invalid counter_reset_hint "${hintText}"`);
  const positive = list("buckets");
  const negative = list("n_buckets");
  const histogram: NativeHistogram = {
    counterResetHint: (hintText as NativeHistogram["counterResetHint"] | undefined) ?? "unknown",
    schema: integer("schema"),
    zeroThreshold: float("z_bucket_w"),
    zeroCount: float("z_bucket"),
    count: float("count"),
    sum: float("sum"),
    positiveSpans: positive.length > 0 ? [{ offset: integer("offset"), length: positive.length }] : [],
    positiveBuckets: positive,
    negativeSpans: negative.length > 0 ? [{ offset: integer("n_offset"), length: negative.length }] : [],
    negativeBuckets: negative,
  };
  if (fields.has("custom_values")) histogram.customValues = list("custom_values");
  return { histogram, counterResetHintSet: hintText !== undefined };
}

function readFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  FIELD.lastIndex = 0;
  let at = 0;
  while (body.slice(at).trim() !== "") {
    FIELD.lastIndex = at;
    const match = FIELD.exec(body);
    if (!match) throw new Error(`cannot read histogram field at "${body.slice(at).trim()}"`);
    const key = match[1]!;
    if (!KNOWN_FIELDS.has(key)) throw new Error(`unknown histogram field "${key}"`);
    if (fields.has(key)) throw new Error(`duplicate histogram field "${key}"`);
    fields.set(key, match[2]!);
    at = FIELD.lastIndex;
  }
  return fields;
}

const KNOWN_FIELDS = new Set(["schema", "sum", "count", "z_bucket", "z_bucket_w", "buckets", "n_buckets", "offset", "n_offset", "counter_reset_hint", "custom_values"]);

function parseList(key: string, text: string | undefined): number[] {
  if (text === undefined) return [];
  if (!text.startsWith("[") || !text.endsWith("]")) throw new Error(`histogram field ${key} must be a [list]`);
  return text.slice(1, -1).split(/[\s,]+/).filter(Boolean).map(parseGoFloat);
}

/** `a + sign·b` for the `{{a}}+{{b}}xN` series form; b is moved to a's (coarser or equal) schema first. */
export function combineHistograms(a: NativeHistogram, b: NativeHistogram, sign: 1 | -1): NativeHistogram {
  if (a.schema > b.schema) throw new Error(`error combining histograms: cannot merge from schema ${b.schema} to ${a.schema}`);
  const positive = packBuckets(combineBuckets(expandBuckets(a.positiveSpans, a.positiveBuckets), expandBuckets(b.positiveSpans, b.positiveBuckets), b.schema, a.schema, sign));
  const negative = packBuckets(combineBuckets(expandBuckets(a.negativeSpans, a.negativeBuckets), expandBuckets(b.negativeSpans, b.negativeBuckets), b.schema, a.schema, sign));
  const result: NativeHistogram = {
    ...a,
    zeroThreshold: Math.max(a.zeroThreshold, b.zeroThreshold),
    zeroCount: a.zeroCount + sign * b.zeroCount,
    count: a.count + sign * b.count,
    sum: a.sum + sign * b.sum,
    positiveSpans: positive.spans,
    positiveBuckets: positive.counts,
    negativeSpans: negative.spans,
    negativeBuckets: negative.counts,
  };
  return result;
}

/** The script form of a histogram, for failure messages: `{{schema:0 count:3 sum:2 buckets:[1 2]}}`. */
export function formatHistogram(h: NativeHistogram): string {
  const parts = [`schema:${h.schema}`, `count:${h.count}`, `sum:${h.sum}`];
  if (h.zeroThreshold !== 0) parts.push(`z_bucket_w:${h.zeroThreshold}`);
  if (h.zeroCount !== 0) parts.push(`z_bucket:${h.zeroCount}`);
  if (h.customValues) parts.push(`custom_values:[${h.customValues.join(" ")}]`);
  parts.push(...formatSide(h.positiveSpans, h.positiveBuckets, "offset", "buckets"));
  parts.push(...formatSide(h.negativeSpans, h.negativeBuckets, "n_offset", "n_buckets"));
  if (h.counterResetHint !== "unknown") parts.push(`counter_reset_hint:${h.counterResetHint}`);
  return `{{${parts.join(" ")}}}`;
}

function formatSide(spans: NativeHistogram["positiveSpans"], counts: readonly number[], offsetKey: string, bucketsKey: string): string[] {
  const buckets = expandBuckets(spans, counts);
  const first = buckets[0];
  if (!first) return [];
  const last = buckets[buckets.length - 1]!;
  const dense = new Array<number>(last.index - first.index + 1).fill(0);
  for (const b of buckets) dense[b.index - first.index] = b.count;
  const offset = first.index !== 0 ? [`${offsetKey}:${first.index}`] : [];
  return [...offset, `${bucketsKey}:[${dense.join(" ")}]`];
}
