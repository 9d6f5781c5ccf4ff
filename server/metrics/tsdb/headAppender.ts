import type { Labels } from "../model/labels";
import type { NativeHistogram } from "../model/sample";
import type { Appender, AppendRejection, AppendResult } from "../storage";
import type { Head } from "./head";
import type { MemSeries } from "./memSeries";
import { FloatList } from "./floatList";
import { validLabels } from "./validLabels";

/** What one commit adds, in the form the write-ahead log records it. */
export interface CommitBatch {
  newSeries: { id: number; labels: Labels }[];
  floatRefs: number[];
  floatTimestamps: number[];
  floatValues: FloatList;
  histograms: { ref: number; t: number; h: NativeHistogram }[];
}

/** Makes a batch durable before the head shows it; throws when it cannot. */
export interface CommitLog {
  log(batch: CommitBatch): void;
}

let commitEpoch = 0;

/** Buffers samples and commits them to the head (and the log, when there is one) as one batch. */
export class HeadAppender implements Appender {
  private labels: Labels[] = [];
  private timestamps: number[] = [];
  private values = new FloatList();
  private histograms: { labels: Labels; t: number; h: NativeHistogram }[] = [];

  constructor(
    private readonly head: Head,
    private readonly commitLog: CommitLog | undefined,
    private readonly onCommitted: (result: AppendResult) => void = () => {},
  ) {}

  append(labels: Labels, t: number, value: number): void {
    checkTimestamp(t);
    this.labels.push(labels);
    this.timestamps.push(t);
    this.values.push(value);
  }

  appendHistogram(labels: Labels, t: number, histogram: NativeHistogram): void {
    checkTimestamp(t);
    this.histograms.push({ labels, t, h: histogram });
  }

  commit(): Promise<AppendResult> {
    try {
      const result = this.commitNow();
      this.onCommitted(result);
      return Promise.resolve(result);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    } finally {
      this.rollback();
    }
  }

  rollback(): void {
    this.labels = [];
    this.timestamps = [];
    this.values = new FloatList();
    this.histograms = [];
  }

  private commitNow(): AppendResult {
    const epoch = ++commitEpoch;
    const rejected: Partial<Record<AppendRejection, number>> = {};
    const batch: CommitBatch = { newSeries: [], floatRefs: [], floatTimestamps: [], floatValues: new FloatList(), histograms: [] };
    for (let i = 0; i < this.labels.length; i++) {
      const t = this.timestamps[i]!;
      const series = this.admit(this.labels[i]!, t, epoch, batch, rejected);
      if (!series) continue;
      batch.floatRefs.push(series.id);
      batch.floatTimestamps.push(t);
      batch.floatValues.push(this.values.at(i));
    }
    for (const { labels, t, h } of this.histograms) {
      const series = this.admit(labels, t, epoch, batch, rejected);
      if (series) batch.histograms.push({ ref: series.id, t, h });
    }
    this.logOrForget(batch);
    applyBatch(this.head, batch);
    countRejections(this.head, rejected);
    return { appended: batch.floatRefs.length + batch.histograms.length, rejected };
  }

  /** Logs the batch; when the log refuses it, series this batch made are dropped again, so label APIs do not show them. */
  private logOrForget(batch: CommitBatch): void {
    try {
      this.commitLog?.log(batch);
    } catch (err) {
      if (batch.newSeries.length > 0) this.head.removeEmptySeries();
      throw err;
    }
  }

  /** The series a sample goes to, or undefined after counting why it is refused. */
  private admit(
    rawLabels: Labels,
    t: number,
    epoch: number,
    batch: CommitBatch,
    rejected: Partial<Record<AppendRejection, number>>,
  ): MemSeries | undefined {
    const labels = validLabels(rawLabels);
    if (!labels) return refuse(rejected, "invalid_labels");
    const { series } = this.head.getOrCreate(labels);
    if (series.checkEpoch !== epoch) {
      series.checkEpoch = epoch;
      series.pendingT = series.lastT;
      if (!series.walLogged) batch.newSeries.push({ id: series.id, labels });
    }
    if (t < this.head.minValidTime) return refuse(rejected, "too_old");
    if (t < series.pendingT) return refuse(rejected, "out_of_order");
    if (t === series.pendingT) return refuse(rejected, "duplicate_timestamp");
    series.pendingT = t;
    return series;
  }
}

function refuse(rejected: Partial<Record<AppendRejection, number>>, reason: AppendRejection): undefined {
  rejected[reason] = (rejected[reason] ?? 0) + 1;
  return undefined;
}

function countRejections(head: Head, rejected: Partial<Record<AppendRejection, number>>): void {
  const c = head.counters;
  c.outOfOrder += rejected.out_of_order ?? 0;
  c.duplicateTimestamp += rejected.duplicate_timestamp ?? 0;
  c.invalidLabels += rejected.invalid_labels ?? 0;
  c.tooOld += rejected.too_old ?? 0;
}

function checkTimestamp(t: number): void {
  if (!Number.isSafeInteger(t)) throw new Error(`sample timestamp ${t} is not an integer number of milliseconds`);
}

/** Puts a logged batch into the head; also used when replaying the log. */
export function applyBatch(head: Head, batch: CommitBatch): void {
  for (const s of batch.newSeries) {
    const series = head.seriesById(s.id);
    if (series) series.walLogged = true;
  }
  for (let i = 0; i < batch.floatRefs.length; i++) {
    head.seriesById(batch.floatRefs[i]!)?.appendFloat(batch.floatTimestamps[i]!, batch.floatValues.at(i));
  }
  for (const { ref, t, h } of batch.histograms) head.seriesById(ref)?.appendHistogram(t, h);
  const c = head.counters;
  c.samplesAppended += batch.floatRefs.length;
  c.histogramsAppended += batch.histograms.length;
}
