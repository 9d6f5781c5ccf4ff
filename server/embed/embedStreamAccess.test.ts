import { describe, expect, test } from "vitest";
import type { ListScope, UsageScope } from "../access/types";
import { limitToEmbedScope } from "./embedStreamAccess";

const everywhere = { listScope: async (): Promise<ListScope> => ({ all: true }) };
const shopAndWeb = { listScope: async (): Promise<ListScope> => ({ all: false, namespaces: new Set(["shop", "web"]) }) };
const names = (scope: ListScope) => (scope.all ? "*" : [...scope.namespaces].sort().join(","));

describe("limitToEmbedScope", () => {
  test("kinds the view does not read are out of reach", async () => {
    const access = limitToEmbedScope(everywhere, "/pods?ns=shop");
    expect(names(await access.listScope("nodes"))).toBe("");
    expect(names(await access.listScope("deployments"))).toBe("");
  });

  test("a pinned namespace narrows the view's kinds; cluster-scoped kinds stay whole", async () => {
    const access = limitToEmbedScope(everywhere, "/pods?ns=shop");
    expect(names(await access.listScope("pods"))).toBe("shop");
    expect(names(await access.listScope("namespaces"))).toBe("*");
  });

  test("never more than the token's maker may list", async () => {
    expect(names(await limitToEmbedScope(shopAndWeb, "/topology?ns=shop,kube-system").listScope("pods"))).toBe("shop");
    expect(names(await limitToEmbedScope(shopAndWeb, "/topology").listScope("pods"))).toBe("shop,web");
  });

  test("the map takes several pinned namespaces", async () => {
    const access = limitToEmbedScope(everywhere, "/topology?ns=shop,web");
    expect(names(await access.listScope("pods"))).toBe("shop,web");
    expect(names(await access.listScope("nodes"))).toBe("*");
  });

  test("usage on an embedded map is the maker's, within the pinned namespaces and the view's kinds", async () => {
    const maker = (usage: UsageScope) => ({ ...everywhere, usageScope: async () => usage });
    const full = maker({ pods: { all: true }, nodes: true });
    const onMap = await limitToEmbedScope(full, "/topology?ns=shop,web").usageScope!();
    expect([names(onMap.pods), onMap.nodes]).toEqual(["shop,web", true]);
    // The pods list reads no nodes, so no node's usage either.
    const onPods = await limitToEmbedScope(full, "/pods?ns=shop").usageScope!();
    expect([names(onPods.pods), onPods.nodes]).toEqual(["shop", false]);
    const shopOnly = await limitToEmbedScope(maker({ pods: { all: false, namespaces: new Set(["shop"]) }, nodes: false }), "/topology").usageScope!();
    expect([names(shopOnly.pods), shopOnly.nodes]).toEqual(["shop", false]);
    // A maker whose access cannot say gets none.
    const unknown = await limitToEmbedScope(everywhere, "/topology").usageScope!();
    expect([names(unknown.pods), unknown.nodes]).toEqual(["", false]);
  });
});
