import type { BitWriter } from "./bitStream";

/**
 * Values that are decimals of a few places (counters in seconds, CPU cores, percentages) XOR badly
 * as binary floats; as integers of 10^-scale their deltas are small. Scales 0 (integers) to 9
 * (nanoseconds, as cAdvisor's counters are).
 */
export const MAX_SCALE = 9;
export const POW10 = Array.from({ length: MAX_SCALE + 1 }, (_, e) => 10 ** e);
/** Payload widths of the four zigzag classes, chosen for 0-15, <2^12, <2^24, <2^53. */
export const CLASS_BITS = [4, 12, 24, 53] as const;

export interface DecimalStep {
  scale: number;
  zigzag: number;
  widthClass: number;
  /** Bits the step costs after its prefix (scale switch excluded). */
  bits: number;
}

/** The delta from prev to v in units of 10^-scale, trying the current scale first; undefined when not exact. */
export function decimalStep(prev: number, v: number, currentScale: number): DecimalStep | undefined {
  if (!Number.isFinite(v) || !Number.isFinite(prev) || Object.is(v, -0) || Object.is(prev, -0)) return undefined;
  const atCurrent = stepAt(prev, v, currentScale);
  if (atCurrent) return atCurrent;
  for (let scale = 0; scale <= MAX_SCALE; scale++) {
    if (scale === currentScale) continue;
    const step = stepAt(prev, v, scale);
    if (step) return step;
  }
  return undefined;
}

function stepAt(prev: number, v: number, scale: number): DecimalStep | undefined {
  const m = POW10[scale]!;
  const scaledV = Math.round(v * m);
  const scaledPrev = Math.round(prev * m);
  if (scaledV / m !== v || scaledPrev / m !== prev) return undefined;
  if (!Number.isSafeInteger(scaledV) || !Number.isSafeInteger(scaledPrev)) return undefined;
  const delta = scaledV - scaledPrev;
  const zigzag = delta >= 0 ? 2 * delta : -2 * delta - 1;
  if (!(zigzag < 2 ** 53)) return undefined;
  const widthClass = zigzag < 16 ? 0 : zigzag < 4096 ? 1 : zigzag < 2 ** 24 ? 2 : 3;
  return { scale, zigzag, widthClass, bits: 2 + CLASS_BITS[widthClass] };
}

export function writeDecimalStep(writer: BitWriter, step: DecimalStep): void {
  writer.writeBits(step.widthClass, 2);
  const width = CLASS_BITS[step.widthClass as 0 | 1 | 2 | 3];
  writer.writeBits64(Math.floor(step.zigzag / 2 ** 32), step.zigzag >>> 0, width);
}
