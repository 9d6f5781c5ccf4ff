import { describe, expect, test } from "vitest";
import { MultiIndex } from "./multiIndex";
import type { KubeObject } from "./types";

const object = (name: string): KubeObject => ({ metadata: { name } });

describe("MultiIndex", () => {
  test("holds one or many objects per key and drops empty keys", () => {
    const index = new MultiIndex();
    const [a, b, c] = [object("a"), object("b"), object("c")];
    index.add("k", a);
    index.add("k", a);
    expect(index.get("k")).toEqual([a]);
    index.add("k", b);
    index.add("k", c);
    expect(index.count("k")).toBe(3);
    index.remove("k", b);
    index.remove("k", c);
    expect(index.get("k")).toEqual([a]);
    index.remove("k", object("a"));
    expect(index.count("k")).toBe(1);
    index.remove("k", a);
    expect(index.get("k")).toEqual([]);
    expect(index.keyCount).toBe(0);
  });
});
