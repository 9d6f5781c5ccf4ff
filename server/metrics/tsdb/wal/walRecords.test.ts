import { describe, expect, test } from "vitest";
import { STALE_NAN, isStaleNaN } from "../../model/sample";
import { FloatList } from "../floatList";
import type { CommitBatch } from "../headAppender";
import { RecordType, scanFrames } from "./recordFrame";
import { decodeRecord, encodeCommit } from "./walRecords";

describe("WAL records", () => {
  test("a commit round-trips: series, samples with any refs and timestamps, stale markers, histograms", () => {
    const values = new FloatList();
    for (const v of [1.5, -0, 1e300]) values.push(v);
    values.push(STALE_NAN);
    const batch: CommitBatch = {
      newSeries: [{ id: 7, labels: [{ name: "__name__", value: "up" }, { name: "é", value: "ü" }] }],
      floatRefs: [7, 3, 2 ** 31, 7],
      floatTimestamps: [1_700_000_000_000, 1_699_999_999_000, 1_700_000_015_000, -5],
      floatValues: values,
      histograms: [
        {
          ref: 9,
          t: 5,
          h: {
            counterResetHint: "gauge", schema: -53, zeroThreshold: 0, zeroCount: 0, count: 2, sum: NaN,
            positiveSpans: [{ offset: -2, length: 1 }], positiveBuckets: [2], negativeSpans: [], negativeBuckets: [], customValues: [0.5, Infinity],
          },
        },
      ],
    };
    const decoded: CommitBatch[] = [];
    const scan = scanFrames(encodeCommit(batch), (type, r) => decoded.push(decodeRecord(type as RecordType, r)));
    expect(scan).toEqual({ goodBytes: encodeCommit(batch).length, records: 3 });
    expect(decoded[0]!.newSeries).toEqual(batch.newSeries);
    expect(decoded[1]!.floatRefs).toEqual(batch.floatRefs);
    expect(decoded[1]!.floatTimestamps).toEqual(batch.floatTimestamps);
    expect(Object.is(decoded[1]!.floatValues.at(1), -0)).toBe(true);
    expect(isStaleNaN(decoded[1]!.floatValues.at(3))).toBe(true);
    expect(decoded[2]!.histograms).toEqual(batch.histograms);
  });
});
