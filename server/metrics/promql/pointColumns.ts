import type { Labels } from "../model/labels";
import type { MatrixSeries } from "./values";

/** A series' float points as two columns, oldest first. */
export interface PointColumns {
  timestamps: Float64Array;
  values: Float64Array;
}

type FloatPoint = MatrixSeries["floats"][number];

// Columns per series, kept beside the object so MatrixSeries keeps its shape for every reader.
const columnsBySeries = new WeakMap<MatrixSeries, PointColumns>();

function pointsFrom({ timestamps, values }: PointColumns): FloatPoint[] {
  const floats = new Array<FloatPoint>(timestamps.length);
  for (let i = 0; i < timestamps.length; i++) floats[i] = { t: timestamps[i]!, value: values[i]! };
  return floats;
}

/**
 * A matrix series held as columns: one object per point costs more than evaluating a range query,
 * so `floats` is built on first read, and the API encodes straight from the columns.
 */
export function columnarSeries(labels: Labels, columns: PointColumns): MatrixSeries {
  let floats: FloatPoint[] | undefined;
  const series = { labels } as MatrixSeries;
  Object.defineProperty(series, "floats", {
    enumerable: true,
    configurable: true,
    // Once points exist they are the truth (a reader may change them), so the columns are dropped.
    get: () => {
      if (floats === undefined) {
        floats = pointsFrom(columns);
        columnsBySeries.delete(series);
      }
      return floats;
    },
    set: (points: FloatPoint[]) => {
      floats = points;
      columnsBySeries.delete(series);
    },
  });
  columnsBySeries.set(series, columns);
  return series;
}

/** The columns of a series made by columnarSeries whose `floats` nobody has read or replaced yet. */
export function pointColumnsOf(series: MatrixSeries): PointColumns | undefined {
  return columnsBySeries.get(series);
}
