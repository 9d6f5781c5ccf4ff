/** Neumaier-compensated summation; returns the new sum and stores the compensation in c[i]. */
export function kahanAdd(sum: number, inc: number, c: Float64Array, i: number): number {
  const t = sum + inc;
  if (t === Infinity || t === -Infinity) c[i] = 0;
  else if (Math.abs(sum) >= Math.abs(inc)) c[i]! += sum - t + inc;
  else c[i]! += inc - t + sum;
  return t;
}
