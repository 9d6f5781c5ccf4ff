import type { HistogramSpan, NativeHistogram } from "../../model/sample";
import type { ByteReader, ByteWriter } from "./byteCodec";

const HINTS: NativeHistogram["counterResetHint"][] = ["unknown", "reset", "not_reset", "gauge"];

export function writeHistogram(w: ByteWriter, h: NativeHistogram): void {
  w.u8(Math.max(0, HINTS.indexOf(h.counterResetHint)));
  w.i32(h.schema);
  w.f64(h.zeroThreshold);
  w.f64(h.zeroCount);
  w.f64(h.count);
  w.f64(h.sum);
  writeSpans(w, h.positiveSpans);
  writeFloats(w, h.positiveBuckets);
  writeSpans(w, h.negativeSpans);
  writeFloats(w, h.negativeBuckets);
  w.u8(h.customValues ? 1 : 0);
  if (h.customValues) writeFloats(w, h.customValues);
}

export function readHistogram(r: ByteReader): NativeHistogram {
  const hint = HINTS[r.u8()];
  if (!hint) throw new Error("unknown counter reset hint");
  const h: NativeHistogram = {
    counterResetHint: hint,
    schema: r.i32(),
    zeroThreshold: r.f64(),
    zeroCount: r.f64(),
    count: r.f64(),
    sum: r.f64(),
    positiveSpans: readSpans(r),
    positiveBuckets: readFloats(r),
    negativeSpans: readSpans(r),
    negativeBuckets: readFloats(r),
  };
  if (r.u8() === 1) h.customValues = readFloats(r);
  return h;
}

function writeSpans(w: ByteWriter, spans: readonly HistogramSpan[]): void {
  w.u32(spans.length);
  for (const s of spans) {
    w.i32(s.offset);
    w.u32(s.length);
  }
}

function readSpans(r: ByteReader): HistogramSpan[] {
  const count = r.u32();
  const spans: HistogramSpan[] = [];
  for (let i = 0; i < count; i++) spans.push({ offset: r.i32(), length: r.u32() });
  return spans;
}

function writeFloats(w: ByteWriter, values: readonly number[]): void {
  w.u32(values.length);
  for (const v of values) w.f64(v);
}

function readFloats(r: ByteReader): number[] {
  const count = r.u32();
  if (count * 8 > r.remaining) throw new Error("bucket count larger than the record");
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(r.f64());
  return values;
}
