/** Growable timestamp/value columns that one select decodes every series into, so each series costs no allocation. */
export class SampleBuffer {
  timestamps: Float64Array;
  values: Float64Array;
  length = 0;

  constructor(capacity = 4096) {
    this.timestamps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.timestamps.length) return;
    const capacity = Math.max(needed, this.timestamps.length * 2);
    const timestamps = new Float64Array(capacity);
    const values = new Float64Array(capacity);
    timestamps.set(this.timestamps.subarray(0, this.length));
    values.set(this.values.subarray(0, this.length));
    this.timestamps = timestamps;
    this.values = values;
  }

  /** Keeps only [from, to) of the samples written since `start`, moving them down to `start`. */
  keepWindow(start: number, from: number, to: number): void {
    if (from !== start) {
      this.timestamps.copyWithin(start, from, to);
      this.values.copyWithin(start, from, to);
    }
    this.length = start + (to - from);
  }

  /** Exact-size copies of the columns; series get views into them. */
  seal(): { timestamps: Float64Array; values: Float64Array } {
    return { timestamps: this.timestamps.slice(0, this.length), values: this.values.slice(0, this.length) };
  }
}
