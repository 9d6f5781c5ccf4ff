import type { RangeWindow } from "./rangeKernels";

/** Number of times the value changed; two NaNs in a row count as no change. */
export function changes(w: RangeWindow): number {
  const v = w.v;
  let count = 0;
  let prev = v[w.from] as number;
  for (let i = w.from + 1; i < w.to; i++) {
    const cur = v[i] as number;
    if (cur !== prev && !(Number.isNaN(cur) && Number.isNaN(prev))) count++;
    prev = cur;
  }
  return count;
}

/** Number of counter resets, i.e. decreases between consecutive samples. */
export function resets(w: RangeWindow): number {
  const v = w.v;
  let count = 0;
  let prev = v[w.from] as number;
  for (let i = w.from + 1; i < w.to; i++) {
    const cur = v[i] as number;
    if (cur < prev) count++;
    prev = cur;
  }
  return count;
}
