"use client";
import { useMemo } from "react";
import { useLiveResource } from "@/components/live/useLiveResource";
import type { Pod } from "@/lib/k8s/types";
import { ResourceTable } from "./ResourceTable";
import { ResourceListView, LIST_HEIGHT, emptyText } from "./ResourceListView";
import { filterByName, useListControls } from "./useListControls";
import { podColumns, toPodRow } from "./podRows";
import { useListUsage } from "./useListUsage";

const defaultSort = [{ id: "name", desc: false }];

export function PodsView() {
  const controls = useListControls(defaultSort);
  const pods = useLiveResource<Pod>("pods", controls.namespace);
  const usage = useListUsage("pods", controls.namespace);
  const rows = useMemo(() => pods.items.map((pod) => toPodRow(pod, usage)), [pods.items, usage]);
  const shown = useMemo(() => filterByName(rows, controls.query), [rows, controls.query]);
  return (
    <ResourceListView
      title="Pods"
      count={shown.length}
      loaded={pods.loaded}
      stale={pods.stale}
      staleReason={pods.staleReason}
      refused={pods.refused}
      query={controls.query}
      onQueryChange={controls.setQuery}
      emptyText={emptyText("pods", controls.namespace, controls.query)}
    >
      <ResourceTable
        label="Pods"
        rows={shown}
        columns={podColumns}
        rowId={(row) => row.id}
        sorting={controls.sorting}
        onSortingChange={controls.setSorting}
        onOpen={(row) => controls.open(row.id)}
        selectedId={controls.selected}
        stale={pods.stale}
        height={LIST_HEIGHT}
      />
    </ResourceListView>
  );
}
