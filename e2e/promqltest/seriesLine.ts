import type { Labels } from "@/server/metrics/model/labels";
import { STALE_NAN } from "@/server/metrics/model/sample";
import { combineHistograms, parseHistogramDescription, type ScriptHistogram } from "./histogramText";
import { readLabelSet, skipSpaces } from "./labelSet";
import { parseGoFloat } from "./numbers";

/** One point of a series description: nothing (`_`), a float (stale markers included) or a native histogram. */
export type SequenceValue = { kind: "omitted" } | { kind: "float"; value: number } | ({ kind: "histogram" } & ScriptHistogram);

export interface SeriesLine {
  labels: Labels;
  values: SequenceValue[];
}

const NUMBER = String.raw`(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[iI][nN][fF]|[nN][aA][nN])`;
const FLOAT_ITEM = new RegExp(String.raw`^([+-]?${NUMBER}|stale)(?:([+-]${NUMBER})?x(\d+))?$`);
const OMITTED_ITEM = /^_(?:x(\d+))?$/;

/** Parses `metric{l="v"} 1+2x3 _ stale {{schema:0 count:1}}` into labels and the expanded points, one per interval. */
export function parseSeriesLine(text: string): SeriesLine {
  const { labels, end } = readLabelSet(text, skipSpaces(text, 0));
  if (end < text.length && text[end] !== " " && text[end] !== "\t") throw new Error(`unexpected "${text[end]}" after the series labels`);
  const values: SequenceValue[] = [];
  for (const item of splitItems(text.slice(end))) values.push(...expandItem(item));
  return { labels, values };
}

/** Splits the value part on blanks, keeping each `{{…}}` (with its `+{{…}}xN` tail) as one item. */
export function splitItems(text: string): string[] {
  const items: string[] = [];
  let i = skipSpaces(text, 0);
  while (i < text.length) {
    let j = i;
    while (j < text.length && text[j] !== " " && text[j] !== "\t") {
      if (text.startsWith("{{", j)) {
        const close = text.indexOf("}}", j + 2);
        if (close < 0) throw new Error("unclosed histogram: missing }}");
        j = close + 2;
      } else j++;
    }
    items.push(text.slice(i, j));
    i = skipSpaces(text, j);
  }
  return items;
}

function expandItem(item: string): SequenceValue[] {
  const omitted = OMITTED_ITEM.exec(item);
  if (omitted) return Array.from({ length: omitted[1] === undefined ? 1 : Number(omitted[1]) }, () => ({ kind: "omitted" as const }));
  if (item.startsWith("{{")) return expandHistogramItem(item);
  const float = FLOAT_ITEM.exec(item);
  if (!float) throw new Error(`cannot read series value "${item}"`);
  const start = float[1] === "stale" ? STALE_NAN : parseGoFloat(float[1]!);
  if (float[3] === undefined) return [{ kind: "float", value: start }];
  const increment = float[2] === undefined ? 0 : parseGoFloat(float[2]);
  const values: SequenceValue[] = [];
  let value = start;
  // `a+bxN` is N+1 points: the first one is the start value itself.
  for (let k = 0; k <= Number(float[3]); k++) {
    values.push({ kind: "float", value });
    value += increment;
  }
  return values;
}

const HISTOGRAM_ITEM = /^\{\{([^}]*)\}\}(?:([+-])\{\{([^}]*)\}\})?(?:x(\d+))?$/;

function expandHistogramItem(item: string): SequenceValue[] {
  const match = HISTOGRAM_ITEM.exec(item);
  if (!match) throw new Error(`cannot read histogram value "${item}"`);
  const base = parseHistogramDescription(match[1]!);
  if (match[4] === undefined) {
    if (match[2] !== undefined) throw new Error(`histogram series "${item}" needs a repeat count (xN)`);
    return [{ kind: "histogram", ...base }];
  }
  const times = Number(match[4]);
  const increment = match[3] === undefined ? undefined : parseHistogramDescription(match[3]).histogram;
  const sign = match[2] === "-" ? -1 : 1;
  const values: SequenceValue[] = [];
  let current = base.histogram;
  for (let k = 0; k <= times; k++) {
    values.push({ kind: "histogram", histogram: current, counterResetHintSet: base.counterResetHintSet });
    if (increment) current = combineHistograms(current, increment, sign);
  }
  return values;
}
