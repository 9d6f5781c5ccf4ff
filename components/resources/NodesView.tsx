"use client";
import { useMemo } from "react";
import { refusalOf, useLiveResource } from "@/components/live/useLiveResource";
import type { Node, Pod } from "@/lib/k8s/types";
import { ResourceTable } from "./ResourceTable";
import { ResourceListView, LIST_HEIGHT, emptyText } from "./ResourceListView";
import { filterByName, useListControls } from "./useListControls";
import { nodeColumns, toNodeRow } from "./nodeRows";
import { useListUsage } from "./useListUsage";

const defaultSort = [{ id: "name", desc: false }];

function countPodsByNode(pods: readonly Pod[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    // Finished pods no longer take a slot on the node.
    if (node && phase !== "Succeeded" && phase !== "Failed") counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

export function NodesView() {
  const controls = useListControls(defaultSort);
  const nodes = useLiveResource<Node>("nodes");
  const pods = useLiveResource<Pod>("pods");
  const usage = useListUsage("nodes");
  const rows = useMemo(() => {
    const counts = countPodsByNode(pods.items);
    return nodes.items.map((node) => toNodeRow(node, counts.get(node.metadata.name) ?? 0, usage));
  }, [nodes.items, pods.items, usage]);
  const shown = useMemo(() => filterByName(rows, controls.query), [rows, controls.query]);
  const stale = nodes.stale || pods.stale;
  return (
    <ResourceListView
      title="Nodes"
      count={shown.length}
      loaded={nodes.loaded}
      stale={stale}
      staleReason={nodes.staleReason ?? pods.staleReason}
      refused={refusalOf(nodes, pods)}
      query={controls.query}
      onQueryChange={controls.setQuery}
      emptyText={emptyText("nodes", undefined, controls.query)}
    >
      <ResourceTable
        label="Nodes"
        rows={shown}
        columns={nodeColumns}
        rowId={(row) => row.id}
        sorting={controls.sorting}
        onSortingChange={controls.setSorting}
        onOpen={(row) => controls.open(row.id)}
        selectedId={controls.selected}
        stale={stale}
        height={LIST_HEIGHT}
      />
    </ResourceListView>
  );
}
