import { labelValue, METRIC_NAME } from "@/server/metrics/model/labels";
import type { AppendResult, Storage } from "@/server/metrics/storage";
import { convertClassicToNhcb } from "./classicToNhcb";
import type { LoadCommand } from "./scriptTypes";

/** What one load put in the store: names of series holding native histograms (for classifying evals) and refusals. */
export interface LoadOutcome {
  histogramMetrics: Set<string>;
  result: AppendResult;
}

/** Appends a load block's points at 0, interval, 2·interval…, skipping `_`; load_with_nhcb also appends the converted histograms. */
export async function appendLoad(storage: Storage, load: LoadCommand): Promise<LoadOutcome> {
  const appender = storage.appender();
  const histogramMetrics = new Set<string>();
  for (const series of load.series) {
    series.values.forEach((value, i) => {
      const t = i * load.intervalMs;
      if (value.kind === "float") appender.append(series.labels, t, value.value);
      else if (value.kind === "histogram") {
        appender.appendHistogram(series.labels, t, value.histogram);
        histogramMetrics.add(labelValue(series.labels, METRIC_NAME));
      }
    });
  }
  if (load.withNhcb) {
    for (const series of convertClassicToNhcb(load)) {
      for (const sample of series.samples) appender.appendHistogram(series.labels, sample.t, sample.h);
      histogramMetrics.add(labelValue(series.labels, METRIC_NAME));
    }
  }
  return { histogramMetrics, result: await appender.commit() };
}
