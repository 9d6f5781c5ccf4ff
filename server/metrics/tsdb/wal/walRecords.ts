import type { Labels } from "../../model/labels";
import type { CommitBatch } from "../headAppender";
import { FloatList } from "../floatList";
import { ByteWriter, type ByteReader } from "./byteCodec";
import { readHistogram, writeHistogram } from "./histogramCodec";
import { RecordType, writeFrame } from "./recordFrame";

/** One commit as up to three framed records: new series, float samples, histogram samples. */
export function encodeCommit(batch: CommitBatch): Uint8Array {
  const w = new ByteWriter(64 + batch.floatRefs.length * 20);
  if (batch.newSeries.length > 0) {
    writeFrame(w, RecordType.Series, () => {
      w.u32(batch.newSeries.length);
      for (const s of batch.newSeries) {
        w.u32(s.id);
        writeLabels(w, s.labels);
      }
    });
  }
  if (batch.floatRefs.length > 0) {
    // A commit is mostly one scrape: refs near each other, timestamps near the first; ~10 bytes a sample.
    writeFrame(w, RecordType.Samples, () => {
      w.u32(batch.floatRefs.length);
      const baseT = batch.floatTimestamps[0]!;
      w.f64(baseT);
      let previousRef = 0;
      for (let i = 0; i < batch.floatRefs.length; i++) {
        w.varint(batch.floatRefs[i]! - previousRef);
        previousRef = batch.floatRefs[i]!;
        w.varint(batch.floatTimestamps[i]! - baseT);
        w.f64(batch.floatValues.at(i));
      }
    });
  }
  if (batch.histograms.length > 0) {
    writeFrame(w, RecordType.Histograms, () => {
      w.u32(batch.histograms.length);
      for (const { ref, t, h } of batch.histograms) {
        w.u32(ref);
        w.f64(t);
        writeHistogram(w, h);
      }
    });
  }
  return w.result();
}

export function writeLabels(w: ByteWriter, labels: Labels): void {
  w.u32(labels.length);
  for (const l of labels) {
    w.string(l.name);
    w.string(l.value);
  }
}

export function readLabels(r: ByteReader): Labels {
  const count = r.u32();
  const labels = [];
  for (let i = 0; i < count; i++) labels.push({ name: r.string(), value: r.string() });
  return labels;
}

/** Reads a samples record entry by entry, without building arrays (replay's hot path). */
export function readSamples(r: ByteReader, onSample: (ref: number, t: number, v: number) => void): void {
  const count = r.u32();
  if (count === 0) return;
  const baseT = r.f64();
  let ref = 0;
  for (let i = 0; i < count; i++) {
    ref += r.varint();
    const t = baseT + r.varint();
    onSample(ref, t, r.f64());
  }
}

/** Decodes one WAL record into the batch it came from (only the parts that record holds). */
export function decodeRecord(type: RecordType, r: ByteReader): CommitBatch {
  const batch: CommitBatch = { newSeries: [], floatRefs: [], floatTimestamps: [], floatValues: new FloatList(), histograms: [] };
  if (type === RecordType.Samples) {
    readSamples(r, (ref, t, v) => {
      batch.floatRefs.push(ref);
      batch.floatTimestamps.push(t);
      batch.floatValues.push(v);
    });
    return checkConsumed(r, batch);
  }
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    if (type === RecordType.Series) batch.newSeries.push({ id: r.u32(), labels: readLabels(r) });
    else if (type === RecordType.Histograms) batch.histograms.push({ ref: r.u32(), t: r.f64(), h: readHistogram(r) });
    else throw new Error(`record type ${type} does not belong in the write-ahead log`);
  }
  return checkConsumed(r, batch);
}

function checkConsumed(r: ByteReader, batch: CommitBatch): CommitBatch {
  if (r.remaining !== 0) throw new Error(`${r.remaining} stray bytes after the record's entries`);
  return batch;
}
