import { kahanSumInc, kahanTotal, newKahanSum } from "./kahan";
import type { RangeWindow } from "./rangeWindow";

export function sumOverTime(w: RangeWindow): number {
  const acc = newKahanSum();
  for (let i = w.from; i < w.to; i++) kahanSumInc(w.v[i] as number, acc);
  return kahanTotal(acc);
}

/**
 * Mean with a compensated running sum; if that sum overflows, it switches to an incremental
 * mean so large finite values still give a finite average (Prometheus 3).
 */
export function avgOverTime(w: RangeWindow): number {
  const v = w.v;
  const acc = { sum: v[w.from] as number, c: 0 };
  let count = 1;
  let i = w.from + 1;
  for (; i < w.to; i++) {
    const sum = acc.sum;
    const c = acc.c;
    kahanSumInc(v[i] as number, acc);
    if (acc.sum === Infinity || acc.sum === -Infinity) {
      acc.sum = sum / count;
      acc.c = c / count;
      break;
    }
    count++;
  }
  if (i === w.to) return acc.sum / count + acc.c / count;
  for (; i < w.to; i++) {
    count++;
    const keep = (count - 1) / count;
    acc.sum *= keep;
    acc.c *= keep;
    kahanSumInc((v[i] as number) / count, acc);
  }
  return acc.sum + acc.c;
}

/** Population variance (divides by n) by Welford's method with both accumulators compensated. */
export function stdvarOverTime(w: RangeWindow): number {
  const mean = newKahanSum();
  const aux = newKahanSum();
  let count = 0;
  for (let i = w.from; i < w.to; i++) {
    const x = w.v[i] as number;
    count++;
    const delta = x - (mean.sum + mean.c);
    kahanSumInc(delta / count, mean);
    kahanSumInc(delta * (x - (mean.sum + mean.c)), aux);
  }
  return (aux.sum + aux.c) / count;
}

export function stddevOverTime(w: RangeWindow): number {
  return Math.sqrt(stdvarOverTime(w));
}

/** Index of the winning sample; a NaN is replaced by any later value. */
function pickIndex(w: RangeWindow, better: (cur: number, best: number) => boolean): number {
  const v = w.v;
  let best = w.from;
  for (let i = w.from + 1; i < w.to; i++) {
    const bestV = v[best] as number;
    if (better(v[i] as number, bestV) || Number.isNaN(bestV)) best = i;
  }
  return best;
}

const below = (cur: number, best: number): boolean => cur < best;
const above = (cur: number, best: number): boolean => cur > best;
// The ts_of_ forms report the last occurrence of the extreme, hence the non-strict comparisons.
const belowOrEqual = (cur: number, best: number): boolean => cur <= best;
const aboveOrEqual = (cur: number, best: number): boolean => cur >= best;

export function minOverTime(w: RangeWindow): number {
  return w.v[pickIndex(w, below)] as number;
}

export function maxOverTime(w: RangeWindow): number {
  return w.v[pickIndex(w, above)] as number;
}

export function tsOfMinOverTime(w: RangeWindow): number {
  return (w.t[pickIndex(w, belowOrEqual)] as number) / 1000;
}

export function tsOfMaxOverTime(w: RangeWindow): number {
  return (w.t[pickIndex(w, aboveOrEqual)] as number) / 1000;
}

export function countOverTime(w: RangeWindow): number {
  return w.to - w.from;
}

export function lastOverTime(w: RangeWindow): number {
  return w.v[w.to - 1] as number;
}

export function firstOverTime(w: RangeWindow): number {
  return w.v[w.from] as number;
}

export function presentOverTime(): number {
  return 1;
}

export function tsOfLastOverTime(w: RangeWindow): number {
  return (w.t[w.to - 1] as number) / 1000;
}

export function tsOfFirstOverTime(w: RangeWindow): number {
  return (w.t[w.from] as number) / 1000;
}
