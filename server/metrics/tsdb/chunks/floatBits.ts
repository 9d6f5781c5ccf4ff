const scratch = new DataView(new ArrayBuffer(8));

/** High and low 32-bit words of a float64, payload bits of NaNs included. */
export function floatHigh(value: number): number {
  scratch.setFloat64(0, value);
  return scratch.getUint32(0);
}

/** Low word of the float64 last passed to floatHigh (call floatHigh first). */
export function lastFloatLow(): number {
  return scratch.getUint32(4);
}

export function floatFromWords(hi: number, lo: number): number {
  scratch.setUint32(0, hi);
  scratch.setUint32(4, lo);
  return scratch.getFloat64(0);
}

export function leadingZeros64(hi: number, lo: number): number {
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
}

function trailingZeros32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

export function trailingZeros64(hi: number, lo: number): number {
  return lo !== 0 ? trailingZeros32(lo) : 32 + trailingZeros32(hi);
}
