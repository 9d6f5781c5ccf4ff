import { endianness } from "node:os";

const floats = new Float64Array(1);
const words = new Uint32Array(floats.buffer);
// Typed arrays use the machine's byte order; pick which word holds the sign and exponent.
const HI = endianness() === "LE" ? 1 : 0;
const LO = 1 - HI;

/** High 32-bit word of a float64, NaN payload bits included. */
export function floatHigh(value: number): number {
  floats[0] = value;
  return words[HI]!;
}

/** Low word of the float64 last passed to floatHigh (call floatHigh first). */
export function lastFloatLow(): number {
  return words[LO]!;
}

export function floatFromWords(hi: number, lo: number): number {
  words[HI] = hi;
  words[LO] = lo;
  return floats[0]!;
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
