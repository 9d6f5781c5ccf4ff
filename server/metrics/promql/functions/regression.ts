import { kahanSumInc, newKahanSum } from "./kahan";
import type { RangeContext, RangeWindow } from "./rangeWindow";

export interface Line {
  slope: number;
  intercept: number;
}

/**
 * Least-squares fit of value over time in seconds relative to `interceptTimeMs`, with
 * compensated sums; a constant series has slope 0 (NaN when the constant is infinite).
 */
export function linearRegression(w: RangeWindow, interceptTimeMs: number): Line {
  const { t, v, from, to } = w;
  const sumX = newKahanSum();
  const sumY = newKahanSum();
  const sumXY = newKahanSum();
  const sumX2 = newKahanSum();
  const initY = v[from] as number;
  let constY = true;
  for (let i = from; i < to; i++) {
    const y = v[i] as number;
    if (constY && y !== initY) constY = false;
    const x = ((t[i] as number) - interceptTimeMs) / 1000;
    kahanSumInc(x, sumX);
    kahanSumInc(y, sumY);
    kahanSumInc(x * y, sumXY);
    kahanSumInc(x * x, sumX2);
  }
  if (constY) {
    if (initY === Infinity || initY === -Infinity) return { slope: NaN, intercept: NaN };
    return { slope: 0, intercept: initY };
  }
  const n = to - from;
  const sx = sumX.sum + sumX.c;
  const sy = sumY.sum + sumY.c;
  const covXY = sumXY.sum + sumXY.c - (sx * sy) / n;
  const varX = sumX2.sum + sumX2.c - (sx * sx) / n;
  const slope = covXY / varX;
  return { slope, intercept: sy / n - (slope * sx) / n };
}

/** Per-second slope; times are taken relative to the first sample to keep precision. */
export function deriv(w: RangeWindow): number | undefined {
  if (w.to - w.from < 2) return undefined;
  return linearRegression(w, w.t[w.from] as number).slope;
}

/** The fitted value `params[0]` seconds after the evaluation time. */
export function predictLinear(w: RangeWindow, ctx: RangeContext, params: number[]): number | undefined {
  if (w.to - w.from < 2) return undefined;
  const line = linearRegression(w, ctx.evalTime);
  return line.slope * (params[0] ?? NaN) + line.intercept;
}
