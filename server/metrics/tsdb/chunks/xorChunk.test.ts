import { describe, expect, test } from "vitest";
import { STALE_NAN, isStaleNaN } from "../../model/sample";
import { XorAppender, chunkSampleCount, decodeXorInto } from "./xorChunk";

function roundTrip(ts: number[], vs: ArrayLike<number>): { t: Float64Array; v: Float64Array } {
  const appender = new XorAppender();
  ts.forEach((t, i) => appender.append(t, vs[i]!));
  const bytes = appender.finish();
  expect(chunkSampleCount(bytes)).toBe(ts.length);
  const t = new Float64Array(ts.length);
  const v = new Float64Array(ts.length);
  expect(decodeXorInto(bytes, t, v, 0)).toBe(ts.length);
  return { t, v };
}

/** Compares floats by their bits, so NaN payloads and -0 count. */
function bitsOf(values: ArrayLike<number>): string[] {
  const view = new DataView(new ArrayBuffer(8));
  return Array.from(values, (v) => {
    view.setFloat64(0, v);
    return view.getBigUint64(0).toString(16);
  });
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("XOR chunks", () => {
  test("round-trips edge values bit for bit", () => {
    // A Float64Array, since JS double arrays canonicalize NaN payloads.
    const vs = Float64Array.from([0, -0, 1, -1, NaN, 0, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 0.1, 0.1, 2 ** 53, 0, 42]);
    vs[5] = STALE_NAN;
    vs[14] = STALE_NAN;
    const ts = Array.from(vs, (_, i) => 1_700_000_000_000 + i * 15_000);
    const { t, v } = roundTrip(ts, vs);
    expect(Array.from(t)).toEqual(ts);
    expect(bitsOf(v)).toEqual(bitsOf(vs));
    expect(isStaleNaN(v[5]!)).toBe(true);
    expect(isStaleNaN(v[4]!)).toBe(false);
  });

  test("round-trips random timestamps and values of every bucket size", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 50; run++) {
      const ts: number[] = [];
      const vs: number[] = [];
      let t = Math.floor(random() * 2 ** 41);
      for (let i = 0; i < 120; i++) {
        const jump = [0, 15_000, 15_000 + Math.floor(random() * 100), Math.floor(random() * 1e6), Math.floor(random() * 1e12)][Math.floor(random() * 5)]!;
        t += jump + 1;
        ts.push(t);
        const kind = random();
        const decimals = Math.floor(random() * 10);
        const previous = vs.at(-1) ?? 0;
        vs.push(
          kind < 0.2 ? Math.floor(random() * 1000)
          : kind < 0.4 ? (random() - 0.5) * 1e10
          : kind < 0.55 ? previous
          : kind < 0.85 ? Math.round((previous + (random() - 0.3) * 10) * 10 ** decimals) / 10 ** decimals
          : kind < 0.9 ? -Math.round(random() * 2 ** 52)
          : random(),
        );
      }
      const out = roundTrip(ts, vs);
      expect(Array.from(out.t)).toEqual(ts);
      expect(bitsOf(out.v)).toEqual(bitsOf(vs));
    }
  });

  test("round-trips first timestamps of any sign and size", () => {
    for (const start of [0, 1, -15_000, 2 ** 32 - 1, 2 ** 32, 2 ** 52, -(2 ** 40)]) {
      const ts = [start, start + 15_000, start + 30_003, start + 45_000];
      expect(Array.from(roundTrip(ts, [1, 2, 3, 4]).t)).toEqual(ts);
    }
  });

  test("resumes an open chunk after reloading its bytes", () => {
    const first = new XorAppender();
    for (let i = 0; i < 10; i++) first.append(1000 + i * 15_000, i * 1.5);
    const resumed = XorAppender.resume(first.finish());
    for (let i = 10; i < 20; i++) resumed.append(1000 + i * 15_000, i * 1.5);
    const t = new Float64Array(20);
    const got = new Float64Array(20);
    expect(decodeXorInto(resumed.finish(), t, got, 0)).toBe(20);
    expect(Array.from(got)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1.5));
  });

  test("a steady 15 s gauge costs about a byte per sample or less", () => {
    const appender = new XorAppender();
    for (let i = 0; i < 120; i++) appender.append(1_700_000_000_000 + i * 15_000, 100 + (i % 3));
    expect(appender.finish().length / 120).toBeLessThan(1.2);
  });
});
