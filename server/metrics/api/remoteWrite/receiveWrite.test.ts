import { describe, expect, test } from "vitest";
import { compress } from "snappyjs";
import { labelsToRecord } from "../../model/labels";
import { RecordingStorage } from "../testing/recordingStorage";
import { encodeWriteRequest, writeHttpRequest } from "../testing/writeRequests";
import { receiveRemoteWrite } from "./receiveWrite";

const limits = { maxBodyBytes: 64 * 1024, maxDecodedBytes: 256 * 1024 };
const up = (job: string, samples: [number, number][]) => ({
  labels: [{ name: "__name__", value: "up" }, { name: "job", value: job }],
  samples: samples.map(([timestamp, value]) => ({ timestamp, value })),
});

async function send(storage: RecordingStorage, body: Uint8Array, headers: Record<string, string> = {}) {
  const response = await receiveRemoteWrite(writeHttpRequest(body, headers), storage, limits);
  return { status: response.status, text: await response.text() };
}

describe("receiveRemoteWrite", () => {
  test("stores every sample and the metadata in one commit and answers 204", async () => {
    const storage = new RecordingStorage();
    const body = encodeWriteRequest({
      timeseries: [up("api", [[1000, 1], [2000, 0]]), up("db", [[1000, NaN]])],
      metadata: [{ type: 2, metricFamilyName: "up", help: "1 if the target is up", unit: "" }],
    });
    expect(await send(storage, body)).toEqual({ status: 204, text: "" });
    expect(storage.commits).toBe(1);
    expect(storage.committed.map((s) => [labelsToRecord(s.labels).job, s.t, s.value])).toEqual([["api", 1000, 1], ["api", 2000, 0], ["db", 1000, NaN]]);
    expect(storage.metadata.get("up")).toEqual({ type: "gauge", help: "1 if the target is up", unit: "" });
  });

  test("turns an integer native histogram's bucket deltas into counts", async () => {
    const storage = new RecordingStorage();
    const histogram = { countInt: 6, sum: 10, schema: 0, zeroThreshold: 0.001, zeroCountInt: 1, positiveSpans: [{ offset: 1, length: 2 }], positiveDeltas: [2, 1], resetHint: 2, timestamp: 5000 };
    const body = encodeWriteRequest({ timeseries: [{ labels: [{ name: "__name__", value: "latency" }], histograms: [histogram] }] });
    expect((await send(storage, body)).status).toBe(204);
    expect(storage.committed[0]).toMatchObject({ t: 5000, histogram: { count: 6, zeroCount: 1, positiveSpans: [{ offset: 1, length: 2 }], positiveBuckets: [2, 3], counterResetHint: "not_reset" } });
  });

  test.each([
    ["a body that is not snappy", new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), /snappy: corrupt input/],
    ["snappy around something that is not a WriteRequest", compress(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01])), /not a protobuf WriteRequest/],
    ["a block announcing more than the decoded cap", new Uint8Array([0x80, 0x80, 0x80, 0x10, 0x00]), /more than the 262144 allowed/],
    ["a body over the compressed cap", new Uint8Array(limits.maxBodyBytes + 1), /larger than 65536 bytes/],
  ])("refuses %s with 400 and stores nothing", async (_name, body, reason) => {
    const storage = new RecordingStorage();
    const answer = await send(storage, body);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(reason);
    expect(storage.commits).toBe(0);
  });

  test.each([
    ["no metric name", { labels: [{ name: "job", value: "x" }], samples: [{ value: 1, timestamp: 1 }] }, /has no metric name/],
    ["a duplicate label name", { labels: [{ name: "__name__", value: "up" }, { name: "a", value: "1" }, { name: "a", value: "2" }], samples: [] }, /duplicate label name "a"/],
    ["an empty label name", { labels: [{ name: "__name__", value: "up" }, { name: "", value: "1" }], samples: [] }, /empty label name/],
    ["samples going back in time", up("late", [[2000, 1], [1000, 1]]), /out of order sample/],
  ])("a series with %s refuses the whole request, good series included", async (_name, bad, reason) => {
    const storage = new RecordingStorage();
    const answer = await send(storage, encodeWriteRequest({ timeseries: [up("good", [[1000, 1]]), bad] }));
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(reason);
    expect(storage.committed).toEqual([]);
  });

  test("samples the store refuses as out of order answer 400 in Prometheus's words, so the sender does not retry", async () => {
    const storage = new RecordingStorage();
    storage.refuseOutOfOrder = (s) => s.t < 1500;
    const answer = await send(storage, encodeWriteRequest({ timeseries: [up("api", [[1000, 1], [2000, 1]])] }));
    expect(answer).toEqual({ status: 400, text: "out of order sample (1): 1 of 2 samples stored, the refused ones dropped\n" });
  });

  test("a store that cannot write answers 500 with its reason, so the sender retries, and keeps no metadata", async () => {
    const storage = new RecordingStorage();
    storage.commitFailure = new Error("write-ahead log write failed: ENOSPC (no space left on device, write); the batch was not stored");
    const body = encodeWriteRequest({ timeseries: [up("api", [[1000, 1]])], metadata: [{ type: 2, metricFamilyName: "up", help: "", unit: "" }] });
    const answer = await send(storage, body);
    expect(answer).toEqual({ status: 500, text: "storage error: write-ahead log write failed: ENOSPC (no space left on device, write); the batch was not stored\n" });
    expect(storage.metadata.size).toBe(0);
    storage.commitFailure = undefined;
    expect((await send(storage, body)).status).toBe(204);
  });

  test("refuses other encodings and message types with 415", async () => {
    const storage = new RecordingStorage();
    const body = encodeWriteRequest({ timeseries: [up("api", [[1000, 1]])] });
    expect((await send(storage, body, { "content-encoding": "gzip" })).status).toBe(415);
    expect((await send(storage, body, { "content-type": "application/json" })).status).toBe(415);
    expect((await send(storage, body, { "content-type": "application/x-protobuf;proto=io.prometheus.write.v2.Request" })).text).toMatch(/not accepted by this server/);
    expect(storage.commits).toBe(0);
  });
});
