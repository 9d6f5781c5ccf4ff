// Minimal placeholder set so the evaluator compiles and is testable; the kernels branch owns this file.
export const mathKernels: Record<string, (v: number) => number> = {
  abs: Math.abs, ceil: Math.ceil, floor: Math.floor, exp: Math.exp, sqrt: Math.sqrt,
  ln: Math.log, log2: Math.log2, log10: Math.log10, sgn: (v) => (Number.isNaN(v) ? v : Math.sign(v)),
};

export function roundTo(v: number, toNearest: number): number {
  const inverse = 1 / toNearest;
  return Math.floor(v * inverse + 0.5) / inverse;
}

export function clamp(v: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, v));
}

export const dateKernels: Record<string, (epochSeconds: number) => number> = {
  minute: (s) => new Date(s * 1000).getUTCMinutes(),
  hour: (s) => new Date(s * 1000).getUTCHours(),
  month: (s) => new Date(s * 1000).getUTCMonth() + 1,
  year: (s) => new Date(s * 1000).getUTCFullYear(),
};

export function quantileOf(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(sorted.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

export function bucketQuantile(q: number, input: { upperBound: number; count: number }[]): { value: number; forcedMonotonic: boolean } {
  if (Number.isNaN(q)) return { value: NaN, forcedMonotonic: false };
  if (q < 0) return { value: -Infinity, forcedMonotonic: false };
  if (q > 1) return { value: Infinity, forcedMonotonic: false };
  const buckets = [...input].sort((a, b) => a.upperBound - b.upperBound);
  const last = buckets[buckets.length - 1];
  if (!last || last.upperBound !== Infinity || buckets.length < 2) return { value: NaN, forcedMonotonic: false };
  let forcedMonotonic = false;
  let max = -Infinity;
  const counts = buckets.map((b) => {
    if (b.count < max) forcedMonotonic = true;
    max = Math.max(max, b.count);
    return max;
  });
  const total = counts[counts.length - 1]!;
  if (total === 0) return { value: NaN, forcedMonotonic };
  const rank = q * total;
  const b = counts.findIndex((c) => c >= rank);
  if (b === buckets.length - 1) return { value: buckets[buckets.length - 2]!.upperBound, forcedMonotonic };
  if (b === 0 && buckets[0]!.upperBound <= 0) return { value: buckets[0]!.upperBound, forcedMonotonic };
  let start = 0;
  const end = buckets[b]!.upperBound;
  let count = counts[b]!;
  let r = rank;
  if (b > 0) {
    start = buckets[b - 1]!.upperBound;
    count -= counts[b - 1]!;
    r -= counts[b - 1]!;
  }
  return { value: start + (end - start) * (r / count), forcedMonotonic };
}
