import { allocFloats } from "./slab";
import type { ScalarValue, StepSeries, VectorValue } from "./types";
import { newStepSeries, stepTime, type StepGrid } from "./types";

/** Applies fn to every sample; the result drops the metric name unless told to keep it. */
export function mapVector(v: VectorValue, fn: (x: number, step: number) => number, keepName = false): VectorValue {
  const series = v.series.map((s): StepSeries => {
    const values = allocFloats(s.values.length);
    for (let i = 0; i < values.length; i++) if (s.present[i]) values[i] = fn(s.values[i]!, i);
    return { labels: s.labels, values, present: s.present, dropName: keepName ? s.dropName : true };
  });
  return { type: "vector", series };
}

export function scalarOf(values: Float64Array): ScalarValue {
  return { type: "scalar", values };
}

export function constantScalar(value: number, steps: number): ScalarValue {
  return { type: "scalar", values: new Float64Array(steps).fill(value) };
}

/** time(): each step's evaluation time in seconds. */
export function timeScalar(grid: StepGrid): ScalarValue {
  const values = new Float64Array(grid.count);
  for (let i = 0; i < values.length; i++) values[i] = stepTime(grid, i) / 1000;
  return { type: "scalar", values };
}

/** vector(s): one series without labels holding the scalar. */
export function vectorOf(s: ScalarValue): VectorValue {
  const r = newStepSeries([], s.values.length);
  r.values.set(s.values);
  r.present.fill(1);
  return { type: "vector", series: [r] };
}

/** scalar(v): the only sample's value, or NaN when there is not exactly one. */
export function scalarFromVector(v: VectorValue, steps: number): ScalarValue {
  const values = new Float64Array(steps).fill(NaN);
  const counts = new Uint32Array(steps);
  for (const s of v.series) {
    for (let i = 0; i < steps; i++) {
      if (!s.present[i]) continue;
      counts[i]!++;
      values[i] = counts[i] === 1 ? s.values[i]! : NaN;
    }
  }
  return { type: "scalar", values };
}
