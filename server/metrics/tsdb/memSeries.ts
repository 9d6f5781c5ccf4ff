import type { Labels } from "../model/labels";
import type { NativeHistogram } from "../model/sample";
import { MAX_CHUNK_SAMPLES, XorAppender, chunkSampleCount, decodeXorInto } from "./chunks/xorChunk";
import { SampleBuffer } from "./sampleBuffer";

/** A chunk also closes when it spans this long, so sparse series do not keep one chunk for days. */
export const MAX_CHUNK_SPAN_MS = 2 * 60 * 60 * 1000;

export interface HistogramSample {
  t: number;
  h: NativeHistogram;
}

/** One active series: its label refs, closed chunks and the open chunk being appended to. */
export class MemSeries {
  /** Closed chunks, oldest first, with their first and last timestamps beside them. */
  chunks: Uint8Array[] = [];
  chunkMint: number[] = [];
  chunkMaxt: number[] = [];
  open: XorAppender | null = null;
  openMint = 0;
  histograms: HistogramSample[] | null = null;
  /** Newest timestamp of any sample (float or histogram). */
  lastT = -Infinity;
  /** Newest timestamp accepted within the commit being checked (see `checkEpoch`). */
  pendingT = -Infinity;
  checkEpoch = -1;
  walLogged = false;
  removed = false;
  /** The label set as text, built on first use by Head.labelsOf. */
  labels: Labels | undefined = undefined;
  /** Head.sortKeyOf's key, built on first use. */
  sortKey: string | null | undefined = undefined;

  constructor(
    readonly id: number,
    /** Interned label pairs: [name, value, name, value, ...], sorted by name. */
    readonly refs: Uint32Array,
  ) {}

  appendFloat(t: number, v: number): void {
    let open = this.open;
    if (open && (open.count >= MAX_CHUNK_SAMPLES || t - this.openMint >= MAX_CHUNK_SPAN_MS)) {
      this.closeOpenChunk();
      open = null;
    }
    if (!open) {
      open = new XorAppender();
      this.open = open;
      this.openMint = t;
    }
    open.append(t, v);
    if (t > this.lastT) this.lastT = t;
  }

  appendHistogram(t: number, h: NativeHistogram): void {
    (this.histograms ??= []).push({ t, h });
    if (t > this.lastT) this.lastT = t;
  }

  closeOpenChunk(): void {
    const open = this.open;
    if (!open) return;
    this.chunks.push(open.finish());
    this.chunkMint.push(this.openMint);
    this.chunkMaxt.push(open.lastT);
    this.open = null;
  }

  /** Oldest timestamp held, or Infinity when empty. */
  mint(): number {
    const first = this.chunkMint[0] ?? (this.open ? this.openMint : Infinity);
    return Math.min(first, this.histograms?.[0]?.t ?? Infinity);
  }

  overlaps(mint: number, maxt: number): boolean {
    return this.lastT >= mint && this.mint() <= maxt;
  }

  chunkBytes(): number {
    let bytes = this.open ? this.open.byteLength() : 0;
    for (const c of this.chunks) bytes += c.length;
    return bytes;
  }

  /** Appends the float samples in [mint, maxt] to the buffer, decoding only the chunks that overlap it; returns how many. */
  decodeWindow(buffer: SampleBuffer, mint: number, maxt: number): number {
    const start = buffer.length;
    for (let i = 0; i < this.chunks.length; i++) {
      if (this.chunkMaxt[i]! >= mint && this.chunkMint[i]! <= maxt) appendChunk(buffer, this.chunks[i]!);
    }
    if (this.open && this.open.lastT >= mint && this.openMint <= maxt) appendChunk(buffer, this.open.view());
    const from = lowerBound(buffer.timestamps, start, buffer.length, mint);
    const to = lowerBound(buffer.timestamps, from, buffer.length, maxt + 1);
    buffer.keepWindow(start, from, to);
    return to - from;
  }

  /** An upper bound of decodeWindow's count, from chunk headers alone. */
  samplesOverlapping(mint: number, maxt: number): number {
    let count = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      if (this.chunkMaxt[i]! >= mint && this.chunkMint[i]! <= maxt) count += chunkSampleCount(this.chunks[i]!);
    }
    if (this.open && this.open.lastT >= mint && this.openMint <= maxt) count += this.open.count;
    return count;
  }

  /** Float samples in [mint, maxt] in arrays of their own. */
  floatSamples(mint: number, maxt: number): { timestamps: Float64Array; values: Float64Array } {
    const buffer = new SampleBuffer(this.samplesOverlapping(mint, maxt));
    this.decodeWindow(buffer, mint, maxt);
    return buffer.seal();
  }

  histogramSamples(mint: number, maxt: number): HistogramSample[] | undefined {
    const picked = this.histograms?.filter((s) => s.t >= mint && s.t <= maxt);
    return picked && picked.length > 0 ? picked : undefined;
  }

  /** Drops closed chunks and histograms that end before `cutoff`; returns the bytes freed. */
  dropBefore(cutoff: number): number {
    let n = 0;
    let freed = 0;
    while (n < this.chunks.length && this.chunkMaxt[n]! < cutoff) freed += this.chunks[n++]!.length;
    if (n > 0) {
      this.chunks.splice(0, n);
      this.chunkMint.splice(0, n);
      this.chunkMaxt.splice(0, n);
    }
    if (this.open && this.open.lastT < cutoff) {
      freed += this.open.byteLength();
      this.open = null;
    }
    if (this.histograms) this.histograms = this.histograms.filter((s) => s.t >= cutoff);
    return freed;
  }

  isEmpty(): boolean {
    return this.chunks.length === 0 && this.open === null && (this.histograms?.length ?? 0) === 0;
  }
}

function appendChunk(buffer: SampleBuffer, chunk: Uint8Array): void {
  const count = chunkSampleCount(chunk);
  buffer.reserve(count);
  buffer.length += decodeXorInto(chunk, buffer.timestamps, buffer.values, buffer.length);
}

function lowerBound(sorted: Float64Array, from: number, until: number, target: number): number {
  let lo = from;
  let hi = until;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
