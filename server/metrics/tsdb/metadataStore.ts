import type { MetricMetadata } from "../storage";

/** Metadata per metric name; distinct entries are kept as Prometheus lists them, newest last. */
export class MetadataStore {
  private readonly byMetric = new Map<string, MetricMetadata[]>();

  set(metric: string, metadata: MetricMetadata): void {
    const list = this.byMetric.get(metric) ?? [];
    const same = list.findIndex((m) => m.type === metadata.type && m.help === metadata.help && m.unit === metadata.unit);
    if (same >= 0) list.splice(same, 1);
    list.push({ ...metadata });
    this.byMetric.set(metric, list);
  }

  get(metric?: string): Map<string, MetricMetadata[]> {
    if (metric === undefined) return new Map([...this.byMetric].map(([k, v]) => [k, [...v]]));
    const list = this.byMetric.get(metric);
    return list ? new Map([[metric, [...list]]]) : new Map();
  }
}
