import { kahanAdd } from "./kahan";

/** Per-step running state of one aggregation group. */
export interface Accumulator {
  add(i: number, v: number): void;
  /** Adds a whole series; the loop lives in each class so its calls stay monomorphic. */
  addSeries(values: Float64Array, present: Uint8Array): void;
  result(i: number): number;
  count: Float64Array;
}

class SumAccumulator implements Accumulator {
  readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly c: Float64Array;
  constructor(steps: number) {
    this.count = new Float64Array(steps);
    this.sum = new Float64Array(steps);
    this.c = new Float64Array(steps);
  }
  addSeries(values: Float64Array, present: Uint8Array): void {
    for (let i = 0; i < values.length; i++) if (present[i]) this.add(i, values[i]!);
  }
  add(i: number, v: number): void {
    this.count[i]!++;
    this.sum[i] = kahanAdd(this.sum[i]!, v, this.c, i);
  }
  result(i: number): number {
    const c = this.c[i]!;
    return Number.isFinite(this.sum[i]!) || c === 0 ? this.sum[i]! + c : this.sum[i]!;
  }
}

/** Sums while the sum stays finite, then switches to an incremental mean so large values do not overflow. */
class AvgAccumulator implements Accumulator {
  readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly c: Float64Array;
  private readonly incremental: Uint8Array;
  constructor(steps: number) {
    this.count = new Float64Array(steps);
    this.sum = new Float64Array(steps);
    this.c = new Float64Array(steps);
    this.incremental = new Uint8Array(steps);
  }
  addSeries(values: Float64Array, present: Uint8Array): void {
    for (let i = 0; i < values.length; i++) if (present[i]) this.add(i, values[i]!);
  }
  add(i: number, v: number): void {
    const n = ++this.count[i]!;
    if (!this.incremental[i]) {
      const saved = this.c[i]!;
      const next = kahanAdd(this.sum[i]!, v, this.c, i);
      if (Number.isFinite(next) || Number.isNaN(next) || n === 1) {
        this.sum[i] = next;
        return;
      }
      this.c[i] = saved;
      this.incremental[i] = 1;
      this.sum[i] = this.sum[i]! / (n - 1);
      this.c[i] = saved / (n - 1);
    }
    const mean = this.sum[i]!;
    if (!Number.isFinite(mean) && !Number.isNaN(mean)) {
      if (!Number.isFinite(v) && !Number.isNaN(v) && mean > 0 === v > 0) return;
      if (Number.isFinite(v)) return;
    }
    const current = mean + this.c[i]!;
    this.sum[i] = kahanAdd(mean, v / n - current / n, this.c, i);
  }
  result(i: number): number {
    if (this.incremental[i]) return this.sum[i]! + this.c[i]!;
    const sum = this.sum[i]!;
    const n = this.count[i]!;
    return Number.isFinite(sum) ? sum / n + this.c[i]! / n : sum / n;
  }
}

class ExtremeAccumulator implements Accumulator {
  readonly count: Float64Array;
  private readonly value: Float64Array;
  constructor(steps: number, private readonly isMax: boolean) {
    this.count = new Float64Array(steps);
    this.value = new Float64Array(steps);
  }
  addSeries(values: Float64Array, present: Uint8Array): void {
    for (let i = 0; i < values.length; i++) if (present[i]) this.add(i, values[i]!);
  }
  add(i: number, v: number): void {
    const cur = this.value[i]!;
    if (this.count[i]!++ === 0 || Number.isNaN(cur) || (this.isMax ? cur < v : cur > v)) this.value[i] = v;
  }
  result(i: number): number {
    return this.value[i]!;
  }
}

class CountAccumulator implements Accumulator {
  readonly count: Float64Array;
  constructor(steps: number, private readonly asGroup: boolean) {
    this.count = new Float64Array(steps);
  }
  addSeries(_values: Float64Array, present: Uint8Array): void {
    for (let i = 0; i < present.length; i++) this.count[i]! += present[i]!;
  }
  add(i: number): void {
    this.count[i]!++;
  }
  result(i: number): number {
    return this.asGroup ? 1 : this.count[i]!;
  }
}

/** Welford's running variance. */
class VarianceAccumulator implements Accumulator {
  readonly count: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  constructor(steps: number, private readonly deviation: boolean) {
    this.count = new Float64Array(steps);
    this.mean = new Float64Array(steps);
    this.m2 = new Float64Array(steps);
  }
  addSeries(values: Float64Array, present: Uint8Array): void {
    for (let i = 0; i < values.length; i++) if (present[i]) this.add(i, values[i]!);
  }
  add(i: number, v: number): void {
    const n = ++this.count[i]!;
    const delta = v - this.mean[i]!;
    this.mean[i]! += delta / n;
    this.m2[i]! += delta * (v - this.mean[i]!);
  }
  result(i: number): number {
    const variance = this.m2[i]! / this.count[i]!;
    return this.deviation ? Math.sqrt(variance) : variance;
  }
}

export function newAccumulator(op: string, steps: number): Accumulator | undefined {
  switch (op) {
    case "sum": return new SumAccumulator(steps);
    case "avg": return new AvgAccumulator(steps);
    case "min": return new ExtremeAccumulator(steps, false);
    case "max": return new ExtremeAccumulator(steps, true);
    case "count": return new CountAccumulator(steps, false);
    case "group": return new CountAccumulator(steps, true);
    case "stddev": return new VarianceAccumulator(steps, true);
    case "stdvar": return new VarianceAccumulator(steps, false);
    default: return undefined;
  }
}
