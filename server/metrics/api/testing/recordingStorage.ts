import type { Labels } from "../../model/labels";
import type { Millis, NativeHistogram } from "../../model/sample";
import type { AppendResult, Appender, MetricMetadata, Storage } from "../../storage";

export interface CommittedSample {
  labels: Labels;
  t: Millis;
  value?: number;
  histogram?: NativeHistogram;
}

/** A store's write side that keeps what was committed, and refuses what the test says it would. */
export class RecordingStorage implements Pick<Storage, "appender" | "setMetadata"> {
  readonly committed: CommittedSample[] = [];
  readonly metadata = new Map<string, MetricMetadata>();
  commits = 0;
  /** Decides per sample whether the store refuses it as out of order. */
  refuseOutOfOrder: (sample: CommittedSample) => boolean = () => false;
  /** When set, commit rejects with it and keeps nothing, as a store whose log cannot be written does. */
  commitFailure: Error | undefined;

  appender(): Appender {
    const pending: CommittedSample[] = [];
    return {
      append: (labels, t, value) => void pending.push({ labels, t, value }),
      appendHistogram: (labels, t, histogram) => void pending.push({ labels, t, histogram }),
      rollback: () => void pending.splice(0),
      commit: async (): Promise<AppendResult> => {
        this.commits++;
        if (this.commitFailure) throw this.commitFailure;
        const refused = pending.filter((s) => this.refuseOutOfOrder(s));
        this.committed.push(...pending.filter((s) => !refused.includes(s)));
        return { appended: pending.length - refused.length, rejected: refused.length > 0 ? { out_of_order: refused.length } : {} };
      },
    };
  }

  setMetadata(metric: string, metadata: MetricMetadata): void {
    this.metadata.set(metric, metadata);
  }
}
