import type { RangeWindow } from "./rangeWindow";

/** Value changes between consecutive samples in [from, to); NaN followed by NaN is no change. */
export function countChanges(v: Float64Array, from: number, to: number): number {
  let count = 0;
  let prev = v[from] as number;
  for (let i = from + 1; i < to; i++) {
    const cur = v[i] as number;
    if (cur !== prev && !(Number.isNaN(cur) && Number.isNaN(prev))) count++;
    prev = cur;
  }
  return count;
}

/** Counter resets, i.e. decreases between consecutive samples in [from, to). */
export function countResets(v: Float64Array, from: number, to: number): number {
  let count = 0;
  let prev = v[from] as number;
  for (let i = from + 1; i < to; i++) {
    const cur = v[i] as number;
    if (cur < prev) count++;
    prev = cur;
  }
  return count;
}

export function changes(w: RangeWindow): number {
  return countChanges(w.v, w.from, w.to);
}

export function resets(w: RangeWindow): number {
  return countResets(w.v, w.from, w.to);
}
