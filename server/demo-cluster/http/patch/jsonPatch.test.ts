import { describe, expect, test } from "vitest";
import { applyJsonPatch } from "./jsonPatch";

describe("applyJsonPatch", () => {
  const doc = () => ({ metadata: { labels: { "app.kubernetes.io/name": "web" } }, spec: { list: [1, 2, 3] } });

  test("adds, replaces and removes with escaped pointers", () => {
    const patched = applyJsonPatch(doc(), [
      { op: "add", path: "/metadata/labels/tier", value: "front" },
      { op: "replace", path: "/metadata/labels/app.kubernetes.io~1name", value: "api" },
      { op: "remove", path: "/spec/list/0" },
      { op: "add", path: "/spec/list/-", value: 4 },
    ]);
    expect(patched).toEqual({ metadata: { labels: { "app.kubernetes.io/name": "api", tier: "front" } }, spec: { list: [2, 3, 4] } });
  });

  test("moves and copies values", () => {
    expect(applyJsonPatch({ a: { x: 1 }, b: {} }, [{ op: "copy", from: "/a/x", path: "/b/y" }, { op: "move", from: "/a", path: "/c" }])).toEqual({ b: { y: 1 }, c: { x: 1 } });
  });

  test("fails a test operation with 422 and leaves the input alone", () => {
    const original = doc();
    expect(() => applyJsonPatch(original, [{ op: "remove", path: "/spec/list/0" }, { op: "test", path: "/spec/list/0", value: 9 }])).toThrowError(expect.objectContaining({ code: 422 }));
    expect(original.spec.list).toEqual([1, 2, 3]);
  });

  test("rejects replacing a missing path and malformed operations", () => {
    expect(() => applyJsonPatch(doc(), [{ op: "replace", path: "/spec/missing", value: 1 }])).toThrowError(/does not exist/);
    expect(() => applyJsonPatch(doc(), [{ op: "jump", path: "/x" }])).toThrowError(expect.objectContaining({ code: 400 }));
    expect(() => applyJsonPatch(doc(), { op: "add" })).toThrowError(expect.objectContaining({ code: 400 }));
  });
});
