import { compareLabels, compareStrings, type Labels } from "../model/labels";
import type { LabelMatcher, Querier, SeriesSamples } from "../storage";
import type { Head } from "./head";
import type { MemSeries } from "./memSeries";
import { SampleBuffer } from "./sampleBuffer";

/** Reads the head: selectors through the postings index, samples decoded from the overlapping chunks only. */
export class HeadQuerier implements Querier {
  constructor(private readonly head: Head) {}

  select(matchers: readonly LabelMatcher[], mint: number, maxt: number): SeriesSamples[] {
    const matched = this.inRange(matchers, mint, maxt);
    let bound = 0;
    for (const series of matched) bound += series.samplesOverlapping(mint, maxt);
    // One allocation sized from chunk headers, so it never grows and views taken as we go stay valid.
    const buffer = new SampleBuffer(bound);
    const out: SeriesSamples[] = [];
    for (const series of this.inLabelOrder(matched)) {
      const start = buffer.length;
      const count = series.decodeWindow(buffer, mint, maxt);
      const histograms = series.histogramSamples(mint, maxt);
      if (count === 0 && !histograms) continue;
      const samples: SeriesSamples = {
        labels: this.head.labelsOf(series),
        timestamps: buffer.timestamps.subarray(start, start + count),
        values: buffer.values.subarray(start, start + count),
      };
      if (histograms) samples.histograms = histograms.map(({ t, h }) => ({ t, h }));
      out.push(samples);
    }
    return out;
  }

  series(matchers: readonly LabelMatcher[], mint: number, maxt: number): Labels[] {
    return this.inLabelOrder(this.inRange(matchers, mint, maxt)).map((s) => this.head.labelsOf(s));
  }

  labelNames(matchers: readonly LabelMatcher[], mint: number, maxt: number): string[] {
    // Without matchers the index answers directly (ignoring the time range) instead of walking every series.
    if (matchers.length === 0) return this.texts(new Set(this.head.index.nameIds()));
    const names = new Set<number>();
    for (const s of this.inRange(matchers, mint, maxt)) for (let i = 0; i < s.refs.length; i += 2) names.add(s.refs[i]!);
    return this.texts(names);
  }

  labelValues(name: string, matchers: readonly LabelMatcher[], mint: number, maxt: number): string[] {
    const nameId = this.head.symbols.lookup(name);
    if (nameId === undefined) return [];
    if (matchers.length === 0) return this.texts(new Set(this.head.index.valueIds(nameId)));
    const values = new Set<number>();
    for (const s of this.inRange(matchers, mint, maxt)) {
      for (let i = 0; i < s.refs.length; i += 2) if (s.refs[i] === nameId) values.add(s.refs[i + 1]!);
    }
    return this.texts(values);
  }

  /** Sorts by the series' cached keys, which order as compareLabels does, instead of comparing label objects. */
  private inLabelOrder(series: MemSeries[]): MemSeries[] {
    const head = this.head;
    return series.sort((a, b) => {
      const x = head.sortKeyOf(a);
      const y = head.sortKeyOf(b);
      if (x !== null && y !== null) return x < y ? -1 : x > y ? 1 : 0;
      return compareLabels(head.labelsOf(a), head.labelsOf(b));
    });
  }

  private inRange(matchers: readonly LabelMatcher[], mint: number, maxt: number): MemSeries[] {
    return this.head.matching(matchers).filter((s) => s.overlaps(mint, maxt));
  }

  private texts(ids: Set<number>): string[] {
    return [...ids].map((id) => this.head.symbols.text(id)).sort(compareStrings);
  }
}
