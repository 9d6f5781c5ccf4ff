import { expect } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { corePath, names, ok, type ObjectList } from "../http";
import type { ContractTarget, Expectation } from "../target";
import { createConfigMap, uniqueName } from "../workloads";

const listConfigMaps = (target: ContractTarget, query: Record<string, string>) =>
  ok<ObjectList>(target, `${corePath(target.namespace, "configmaps")}?${new URLSearchParams(query)}`);

/** Creates `count` ConfigMaps labelled set=<set>, named <set>-00 … so their order is known. */
async function createSet(target: ContractTarget, set: string, count: number): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i < count; i++) created.push((await createConfigMap(target, `${set}-${String(i).padStart(2, "0")}`, { i: String(i) }, { set })).metadata.name);
  return created;
}

/** Follows continue tokens to the end; every page as it came. */
async function allPages(target: ContractTarget, query: Record<string, string>, between?: (page: number) => Promise<void>): Promise<ObjectList[]> {
  const pages: ObjectList[] = [];
  let token: string | undefined;
  do {
    const page = await listConfigMaps(target, token ? { ...query, continue: token } : query);
    pages.push(page);
    token = page.metadata.continue || undefined;
    if (token && between) await between(pages.length);
    if (pages.length > 20) throw new Error("more than 20 pages: continue tokens do not advance");
  } while (token);
  return pages;
}

export const listExpectations: Expectation[] = [
  {
    id: "list.resourceVersion",
    title: "a list carries a resourceVersion, items without TypeMeta, and can be re-read at that version",
    async run(target) {
      const set = uniqueName("rv");
      const created = await createSet(target, set, 3);
      const list = await listConfigMaps(target, { labelSelector: `set=${set}` });
      expect({ kind: list.kind, apiVersion: list.apiVersion }).toEqual({ kind: "ConfigMapList", apiVersion: "v1" });
      expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(names(list.items)).toEqual(created);
      // kube-apiserver encodes list items without kind/apiVersion; a client must take them from the list.
      expect(list.items.map((i: KubeObject) => [i.kind, i.apiVersion])).toEqual(created.map(() => [undefined, undefined]));
      for (const item of list.items) expect(item.metadata.resourceVersion).toMatch(/^\d+$/);
      const again = await listConfigMaps(target, { labelSelector: `set=${set}`, resourceVersion: list.metadata.resourceVersion!, resourceVersionMatch: "NotOlderThan" });
      expect(names(again.items)).toEqual(created);
      const fromCache = await listConfigMaps(target, { labelSelector: `set=${set}`, resourceVersion: "0" });
      expect(names(fromCache.items)).toEqual(created);
    },
  },
  {
    id: "list.paging",
    title: "limit/continue pages are complete, in order, without duplicates, at one resourceVersion",
    async run(target) {
      const set = uniqueName("page");
      const created = await createSet(target, set, 7);
      // An object created between pages belongs to a later snapshot: it must not appear, nor anything twice.
      const pages = await allPages(target, { labelSelector: `set=${set}`, limit: "3" }, async (page) => {
        if (page === 1) await createConfigMap(target, `${set}-99`, {}, { set });
      });
      expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
      const seen = pages.flatMap((p) => p.items.map((i) => i.metadata.name));
      expect(seen).toEqual(created);
      expect(new Set(pages.map((p) => p.metadata.resourceVersion)).size).toBe(1);
      expect(pages.at(-1)?.metadata.continue ?? "").toBe("");
      const unfiltered = await listConfigMaps(target, { limit: "1" });
      const total = (await listConfigMaps(target, {})).items.length;
      expect(unfiltered.items).toHaveLength(1);
      expect(unfiltered.metadata.remainingItemCount).toBe(total - 1);
    },
  },
];
