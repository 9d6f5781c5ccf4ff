import { describe, expect, test } from "vitest";
import { applyMergePatch } from "./mergePatch";

describe("applyMergePatch", () => {
  test("merges objects, replaces lists and deletes keys set to null", () => {
    const original = { spec: { replicas: 1, paused: true, ports: [1, 2] }, metadata: { labels: { a: "1" } } };
    const patched = applyMergePatch(original, { spec: { replicas: 3, paused: null, ports: [3] }, metadata: { labels: { b: "2" } } });
    expect(patched).toEqual({ spec: { replicas: 3, ports: [3] }, metadata: { labels: { a: "1", b: "2" } } });
  });

  test("never mutates its input", () => {
    const original = { spec: { replicas: 1 } };
    applyMergePatch(original, { spec: { replicas: 2 } });
    expect(original).toEqual({ spec: { replicas: 1 } });
  });
});
