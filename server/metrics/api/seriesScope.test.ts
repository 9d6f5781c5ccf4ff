import { describe, expect, test } from "vitest";
import { everywhere, type ListScope } from "@/server/access/types";
import { seriesScopeMatchers } from "./seriesScope";
import { createFakeStorage } from "./testing/fakeStorage";

function rights(pods: ListScope, nodes: boolean) {
  return { listScope: async () => pods, canList: async () => nodes };
}
const some = (...namespaces: string[]): ListScope => ({ all: false, namespaces: new Set(namespaces) });

const store = createFakeStorage([
  { __name__: "m", namespace: "a" },
  { __name__: "m", namespace: "b" },
  { __name__: "m", namespace: "a.b" },
  { __name__: "m", namespace: "c" },
  { __name__: "m", node: "n1" },
]);

async function visible(pods: ListScope, nodes: boolean): Promise<string[]> {
  const matchers = await seriesScopeMatchers(rights(pods, nodes));
  return store.querier().series([{ type: "=", name: "__name__", value: "m" }, ...matchers], 0, 1).map((labels) => labels.map((l) => l.value).join("/"));
}

describe("seriesScopeMatchers", () => {
  test("someone who may list pods everywhere and nodes sees everything, with no matcher added", async () => {
    expect(await seriesScopeMatchers(rights(everywhere, true))).toEqual([]);
    expect(await visible(everywhere, true)).toHaveLength(5);
  });

  test("pods everywhere without nodes: every namespaced series, no cluster-level one", async () => {
    expect(await visible(everywhere, false)).toEqual(["m/a", "m/a.b", "m/b", "m/c"]);
  });

  test("pods in some namespaces: only those (dots matched literally), cluster-level only with nodes", async () => {
    expect(await visible(some("a", "c"), false)).toEqual(["m/a", "m/c"]);
    expect(await visible(some("a", "c"), true)).toEqual(["m/a", "m/c", "m/n1"]);
  });

  test("no pods anywhere: cluster-level series with nodes, else nothing at all", async () => {
    expect(await visible(some(), true)).toEqual(["m/n1"]);
    expect(await visible(some(), false)).toEqual([]);
  });
});
