"use client";
import { useMemo } from "react";
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type Header,
  type Row,
  type SortingState,
} from "@tanstack/react-table";
import type { TopologyNode } from "@/lib/wire/topology";
import { parseTableSort, type TableSort } from "./tableSort";
import { TOPOLOGY_COLUMNS } from "./topologyTableColumns";

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const helper = createColumnHelper<typeof features, TopologyNode>();

export type TopologyTableRow = Row<typeof features, TopologyNode>;
export type TopologyTableHeader = Header<typeof features, TopologyNode, unknown>;

// Cells are drawn by TopologyTable from TOPOLOGY_COLUMNS; the table model only sorts.
const tableColumns = helper.columns(
  TOPOLOGY_COLUMNS.map((column) =>
    helper.accessor((node): string | number | undefined => column.value(node), {
    id: column.id,
    header: column.header,
    sortFn: column.numeric ? "basic" : "alphanumeric",
    sortDescFirst: column.numeric,
    // A node without the value is at the bottom whichever way the column sorts.
    sortUndefined: "last",
  }),
  ),
);

export function toSortingState(sort: TableSort | undefined): SortingState {
  return sort ? [{ id: sort.column, desc: sort.direction === "desc" }] : [];
}

export function fromSortingState(sorting: SortingState): TableSort | undefined {
  const [first] = sorting;
  return first ? parseTableSort(`${first.id}:${first.desc ? "desc" : "asc"}`) : undefined;
}

export interface TopologyTableModelOptions {
  nodes: readonly TopologyNode[];
  sort: TableSort | undefined;
  onSortChange: (sort: TableSort | undefined) => void;
}

/** The sorted rows and sortable headers of the topology table; the sort itself is held by the caller. */
export function useTopologyTableModel({ nodes, sort, onSortChange }: TopologyTableModelOptions) {
  const sorting = useMemo(() => toSortingState(sort), [sort]);
  return useTable({
    features,
    columns: tableColumns,
    data: nodes,
    getRowId: (node) => node.id,
    state: { sorting },
    onSortingChange: (updater) => onSortChange(fromSortingState(typeof updater === "function" ? updater(sorting) : updater)),
    enableMultiSort: false,
  });
}
