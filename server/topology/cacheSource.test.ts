import { describe, expect, test } from "vitest";
import { FakeCache } from "../stream/testing/fakeCache";
import { sourceFromCache } from "./cacheSource";
import { host, namespace, pod, usageSamples } from "./testing/fixtures";

function cache() {
  const c = new FakeCache();
  c.seed("pods", [pod("a", "shop"), pod("b", "batch"), pod("c", "secret")]);
  c.seed("nodes", [host("n1")]);
  c.seed("namespaces", [namespace("shop"), namespace("batch"), namespace("secret")]);
  return c;
}
const names = (objects: readonly { metadata: { name: string } }[]) => objects.map((o) => o.metadata.name).sort();

describe("sourceFromCache", () => {
  test("takes every kind within the person's scope", () => {
    const scoped = { all: false as const, namespaces: new Set(["shop", "batch"]) };
    const source = sourceFromCache(cache(), (kind) => (kind === "nodes" ? { all: false, namespaces: new Set() } : scoped));
    expect(names(source.pods)).toEqual(["a", "b"]);
    expect(names(source.namespaces)).toEqual(["batch", "shop"]);
    expect(source.nodes).toEqual([]);
  });

  test("a namespace filter narrows within the scope, and an unknown scope shows nothing", () => {
    const scoped = { all: false as const, namespaces: new Set(["shop"]) };
    const source = sourceFromCache(cache(), (kind) => (kind === "nodes" ? { all: true } : kind === "pods" ? scoped : undefined), ["shop", "secret"]);
    expect(names(source.pods)).toEqual(["a"]);
    expect(names(source.nodes)).toEqual(["n1"]);
    expect(source.namespaces).toEqual([]);
  });

  test("carries the usage samples when given, and none otherwise", () => {
    const usage = usageSamples({ "shop/a": [1, 2] });
    expect(sourceFromCache(cache(), () => ({ all: true }), undefined, usage).usage).toBe(usage);
    expect("usage" in sourceFromCache(cache(), () => ({ all: true }))).toBe(false);
  });
});
