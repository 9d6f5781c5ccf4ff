import { compareLabels, labelValue } from "../../model/labels";
import type { StepSeries, VectorValue } from "./types";

/** Natural order: runs of digits compare by number, other text byte-wise. */
export function compareNatural(a: string, b: string): number {
  const chunks = /(\d+|\D+)/g;
  const xs = a.match(chunks) ?? [];
  const ys = b.match(chunks) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x === y) continue;
    const xNum = /^\d/.test(x);
    const yNum = /^\d/.test(y);
    if (xNum && yNum) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return xs.length - ys.length;
}

/** sort / sort_desc of an instant query's single step; NaN goes last either way. */
export function sortByValue(v: VectorValue, descending: boolean): VectorValue {
  const valueOf = (s: StepSeries) => s.values[0]!;
  const series = [...v.series].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return descending ? y - x : x - y;
  });
  return { type: "vector", series };
}

/** sort_by_label(_desc): by the named labels in natural order, then by the whole label set. */
export function sortByLabels(v: VectorValue, names: string[], descending: boolean): VectorValue {
  const sign = descending ? -1 : 1;
  const series = [...v.series].sort((a, b) => {
    for (const name of names) {
      const c = compareNatural(labelValue(a.labels, name), labelValue(b.labels, name));
      if (c !== 0) return sign * c;
    }
    return sign * compareLabels(a.labels, b.labels);
  });
  return { type: "vector", series };
}
