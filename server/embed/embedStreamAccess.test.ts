import { describe, expect, test } from "vitest";
import type { ListScope } from "../access/types";
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
});
