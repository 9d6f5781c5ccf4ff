import type { Label, Labels } from "../model/labels";
import type { LabelMatcher } from "../storage";
import { MemSeries } from "./memSeries";
import { PostingsIndex } from "./postingsIndex";
import { SymbolTable } from "./symbolTable";

/** Totals since the store opened, for health and Orrery's own metrics. */
export interface HeadCounters {
  samplesAppended: number;
  histogramsAppended: number;
  outOfOrder: number;
  duplicateTimestamp: number;
  invalidLabels: number;
  tooOld: number;
  seriesCreated: number;
  seriesRemoved: number;
}

/** The in-memory part of the store: every active series, its chunks and the postings index. */
export class Head {
  readonly symbols = new SymbolTable();
  readonly index = new PostingsIndex(this.symbols);
  readonly counters: HeadCounters = {
    samplesAppended: 0,
    histogramsAppended: 0,
    outOfOrder: 0,
    duplicateTimestamp: 0,
    invalidLabels: 0,
    tooOld: 0,
    seriesCreated: 0,
    seriesRemoved: 0,
  };
  private readonly series: (MemSeries | undefined)[] = [];
  /** Series ids by a hash of their labels; a collision keeps an array. */
  private readonly byHash = new Map<number, number | number[]>();
  private nextId = 1;
  /** Samples older than this are refused as too old (set after retention drops data). */
  minValidTime = -Infinity;

  private live = 0;

  get seriesCount(): number {
    return this.live;
  }

  seriesById(id: number): MemSeries | undefined {
    return this.series[id];
  }

  *allSeries(): Iterable<MemSeries> {
    for (const s of this.series) if (s) yield s;
  }

  /** Finds or creates the series; labels must be valid (see validLabels). */
  getOrCreate(labels: Labels): { series: MemSeries; created: boolean } {
    const hash = hashLabels(labels);
    const existing = this.findByHash(hash, labels);
    if (existing) return { series: existing, created: false };
    return { series: this.create(labels, hash, this.nextId), created: true };
  }

  /** Recreates a series under a known id (WAL replay and checkpoint load). */
  restore(id: number, labels: Labels): MemSeries {
    const hash = hashLabels(labels);
    const existing = this.findByHash(hash, labels);
    if (existing) return existing;
    return this.create(labels, hash, id);
  }

  /** Built once per series and frozen, as Prometheus keeps a series' label set: selects hand out the same objects. */
  labelsOf(series: MemSeries): Labels {
    if (series.labels) return series.labels;
    const labels: Label[] = [];
    const refs = series.refs;
    for (let i = 0; i < refs.length; i += 2) {
      labels.push(Object.freeze({ name: this.symbols.text(refs[i]!), value: this.symbols.text(refs[i + 1]!) }));
    }
    series.labels = Object.freeze(labels);
    return series.labels;
  }

  /**
   * Pairs joined by NULs: as strings these keys order exactly as compareLabels orders the label sets,
   * since NUL sorts below every other code unit. Null when a text holds a NUL itself.
   */
  sortKeyOf(series: MemSeries): string | null {
    if (series.sortKey !== undefined) return series.sortKey;
    let key = "";
    for (const l of this.labelsOf(series)) key += `${l.name}\0${l.value}\0`;
    series.sortKey = key.split("\0").length === series.refs.length + 1 ? key : null;
    return series.sortKey;
  }

  /** Series matching all matchers, in id order. */
  matching(matchers: readonly LabelMatcher[]): MemSeries[] {
    const out: MemSeries[] = [];
    for (const id of this.index.select(matchers)) {
      const s = this.series[id];
      if (s) out.push(s);
    }
    return out;
  }

  /** Forgets series that hold no samples any more. */
  removeEmptySeries(): number {
    const removed = new Set<number>();
    for (const s of this.allSeries()) if (s.isEmpty()) removed.add(s.id);
    if (removed.size === 0) return 0;
    this.index.remove(removed, (id) => this.series[id]!.refs);
    for (const id of removed) {
      const s = this.series[id]!;
      s.removed = true;
      this.unlinkHash(s);
      for (const ref of s.refs) this.symbols.release(ref);
      this.series[id] = undefined;
    }
    this.counters.seriesRemoved += removed.size;
    this.live -= removed.size;
    return removed.size;
  }

  private create(labels: Labels, hash: number, id: number): MemSeries {
    const refs = new Uint32Array(labels.length * 2);
    labels.forEach((l, i) => {
      refs[2 * i] = this.symbols.acquire(l.name);
      refs[2 * i + 1] = this.symbols.acquire(l.value);
    });
    const series = new MemSeries(id, refs);
    this.series[id] = series;
    this.nextId = Math.max(this.nextId, id + 1);
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) this.byHash.set(hash, id);
    else this.byHash.set(hash, typeof bucket === "number" ? [bucket, id] : [...bucket, id]);
    this.index.add(id, refs);
    this.counters.seriesCreated++;
    this.live++;
    return series;
  }

  private findByHash(hash: number, labels: Labels): MemSeries | undefined {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) return undefined;
    if (typeof bucket === "number") {
      const s = this.series[bucket];
      return s && this.sameLabels(s.refs, labels) ? s : undefined;
    }
    for (const id of bucket) {
      const s = this.series[id];
      if (s && this.sameLabels(s.refs, labels)) return s;
    }
    return undefined;
  }

  private sameLabels(refs: Uint32Array, labels: Labels): boolean {
    if (refs.length !== labels.length * 2) return false;
    for (let i = 0; i < labels.length; i++) {
      const l = labels[i]!;
      if (this.symbols.text(refs[2 * i]!) !== l.name || this.symbols.text(refs[2 * i + 1]!) !== l.value) return false;
    }
    return true;
  }

  private unlinkHash(series: MemSeries): void {
    const hash = hashLabels(this.labelsOf(series));
    const bucket = this.byHash.get(hash);
    if (bucket === series.id) this.byHash.delete(hash);
    else if (Array.isArray(bucket)) this.byHash.set(hash, bucket.filter((id) => id !== series.id));
  }
}

/** FNV-1a over names and values with separators that cannot occur in label text. */
function hashLabels(labels: Labels): number {
  let h = 0x811c9dc5;
  for (const l of labels) {
    h = hashString(h, l.name);
    h = Math.imul(h ^ 0xff, 0x01000193);
    h = hashString(h, l.value);
    h = Math.imul(h ^ 0xfe, 0x01000193);
  }
  return h >>> 0;
}

function hashString(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
