/**
 * A growable list of float64 values. Plain JS arrays of doubles canonicalize NaN and so would
 * lose the stale marker's payload; a Float64Array keeps the bits.
 */
export class FloatList {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }

  /** The values without copying; valid until the next push. */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
