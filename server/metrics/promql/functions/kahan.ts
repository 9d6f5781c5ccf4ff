/** A running compensated sum; `c` carries the low-order bits that `sum` lost. */
export interface KahanSum {
  sum: number;
  c: number;
}

export function newKahanSum(): KahanSum {
  return { sum: 0, c: 0 };
}

/**
 * Adds `inc` to `acc` with Kahan-Babuska (Neumaier) compensation, in place so that
 * hot loops allocate nothing.
 */
export function kahanSumInc(inc: number, acc: KahanSum): void {
  const sum = acc.sum;
  const t = sum + inc;
  if (t === Infinity || t === -Infinity) {
    // Once the sum is infinite the compensation means nothing and would turn it into NaN.
    acc.c = 0;
  } else if (Math.abs(sum) >= Math.abs(inc)) {
    acc.c += sum - t + inc;
  } else {
    acc.c += inc - t + sum;
  }
  acc.sum = t;
}

/** The compensated total; an infinite sum is returned as is, since adding `c` could make it NaN. */
export function kahanTotal(acc: KahanSum): number {
  if (acc.sum === Infinity || acc.sum === -Infinity) return acc.sum;
  return acc.sum + acc.c;
}

/** Sums an array the way Prometheus's sum() and sum_over_time do. */
export function kahanSumOf(values: ArrayLike<number>, from = 0, to = values.length): number {
  const acc = newKahanSum();
  for (let i = from; i < to; i++) kahanSumInc(values[i] as number, acc);
  return kahanTotal(acc);
}
