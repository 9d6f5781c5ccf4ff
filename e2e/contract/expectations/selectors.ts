import { expect } from "vitest";
import { appsPath, call, corePath, expectStatus, names, ok, type ObjectList } from "../http";
import type { ContractTarget, Expectation } from "../target";
import { createConfigMap, listPods, sharedPods, sharedSelector, uniqueName, type PodShape } from "../workloads";

async function selectedConfigMaps(target: ContractTarget, labelSelector: string): Promise<string[]> {
  const list = await ok<ObjectList>(target, `${corePath(target.namespace, "configmaps")}?${new URLSearchParams({ labelSelector })}`);
  return names(list.items);
}

const podNames = async (target: ContractTarget, query: Record<string, string>) => names((await listPods(target, query)).items);

export const selectorExpectations: Expectation[] = [
  {
    id: "selectors.label",
    title: "label selectors: =, !=, in, notin, exists and !exists, on lists of ConfigMaps and pods",
    async run(target) {
      const set = uniqueName("sel");
      await createConfigMap(target, `${set}-red`, {}, { set, color: "red", size: "s" });
      await createConfigMap(target, `${set}-blue`, {}, { set, color: "blue" });
      await createConfigMap(target, `${set}-plain`, {}, { set });
      const n = (suffix: string) => `${set}-${suffix}`;
      expect(await selectedConfigMaps(target, `set=${set},color=red`)).toEqual([n("red")]);
      // != also matches objects without the label.
      expect(await selectedConfigMaps(target, `set=${set},color!=red`)).toEqual([n("blue"), n("plain")]);
      expect(await selectedConfigMaps(target, `set=${set},color in (red,blue)`)).toEqual([n("blue"), n("red")]);
      expect(await selectedConfigMaps(target, `set=${set},color notin (red)`)).toEqual([n("blue"), n("plain")]);
      expect(await selectedConfigMaps(target, `set=${set},color`)).toEqual([n("blue"), n("red")]);
      expect(await selectedConfigMaps(target, `set=${set},!color`)).toEqual([n("plain")]);
      expect(await selectedConfigMaps(target, `set=${set},size=s,color=red`)).toEqual([n("red")]);
      const pods = await sharedPods(target);
      expect(await podNames(target, { labelSelector: `${sharedSelector},tier=web` })).toEqual(names(pods));
      expect(await podNames(target, { labelSelector: `${sharedSelector},tier=db` })).toEqual([]);
    },
  },
  {
    id: "selectors.field",
    title: "field selectors on pods: spec.nodeName, status.phase, metadata.name, with != and combined with labels",
    async run(target) {
      const pods = await sharedPods(target);
      const first = pods[0]!;
      const node = first.spec!.nodeName!;
      const onNode = (await listPods(target, { fieldSelector: `spec.nodeName=${node}` })).items;
      expect(onNode.map((p) => p.metadata.name)).toContain(first.metadata.name);
      expect(onNode.every((p) => p.spec?.nodeName === node)).toBe(true);
      const offNode = (await listPods(target, { fieldSelector: `spec.nodeName!=${node}` })).items;
      expect(offNode.every((p) => p.spec?.nodeName !== node)).toBe(true);
      expect(await podNames(target, { fieldSelector: "status.phase=Running", labelSelector: sharedSelector })).toEqual(names(pods));
      expect(await podNames(target, { fieldSelector: "status.phase=Pending", labelSelector: sharedSelector })).toEqual([]);
      expect(await podNames(target, { fieldSelector: `metadata.name=${first.metadata.name}` })).toEqual([first.metadata.name]);
      expect(await podNames(target, { fieldSelector: `metadata.name=${first.metadata.name},status.phase=Running` })).toEqual([first.metadata.name]);
      // Cluster-wide, the way kubectl drain finds a node's pods.
      const clusterWide = await ok<ObjectList<PodShape>>(target, `/api/v1/pods?${new URLSearchParams({ fieldSelector: `spec.nodeName=${node}` })}`);
      expect(clusterWide.items.length).toBeGreaterThanOrEqual(onNode.length);
      expect(clusterWide.items.every((p) => p.spec?.nodeName === node)).toBe(true);
    },
  },
  {
    id: "selectors.unsupportedField",
    title: "a field selector on a field the resource does not index answers 400 BadRequest, worded per kind",
    async run(target) {
      const refusal = (path: string, selector: string) => call(target, `${path}?fieldSelector=${encodeURIComponent(selector)}`);
      // Pods have their own field-label conversion; ConfigMaps and ReplicaSets the default metav1 one.
      expectStatus(await refusal(corePath(target.namespace, "pods"), "spec.containers=x"), 400, "BadRequest", "field label not supported: spec.containers");
      const only = 'only "metadata.name", "metadata.namespace"';
      expectStatus(await refusal(corePath(target.namespace, "configmaps"), "data.key=1"), 400, "BadRequest", `"data.key" is not a known field selector: ${only}`);
      expectStatus(await refusal(appsPath(target.namespace, "replicasets"), "status.replicas=1"), 400, "BadRequest", `"status.replicas" is not a known field selector: ${only}`);
    },
  },
];
