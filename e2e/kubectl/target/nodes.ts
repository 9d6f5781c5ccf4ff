import type { KubectlRunner } from "../kubectlRunner";

interface NodeList {
  items: { metadata: { name: string }; spec?: { taints?: { effect: string }[]; unschedulable?: boolean } }[];
}

/** Nodes without a NoSchedule taint, by name: where the suite's pods can land. */
export async function untaintedNodes(k: KubectlRunner): Promise<string[]> {
  const nodes = await k.json<NodeList>(["get", "nodes"]);
  return nodes.items
    .filter((n) => !(n.spec?.taints ?? []).some((t) => t.effect === "NoSchedule" || t.effect === "NoExecute"))
    .map((n) => n.metadata.name)
    .sort();
}
