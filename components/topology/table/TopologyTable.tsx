"use client";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Table } from "@mantine/core";
import { useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { rowKeyAction } from "@/components/resources/resourceTableModel";
import type { TopologyNode } from "@/lib/wire/topology";
import { formatTableSort, parseTableSort, type TableSort } from "./tableSort";
import { TOPOLOGY_ROW_HEIGHT, TopologyTableHead, TopologyTableRow } from "./TopologyTableRow";
import { useTopologyTableModel, type TopologyTableRow as TableModelRow } from "./useTopologyTableModel";

export interface TopologyTableProps {
  nodes: readonly TopologyNode[];
  /** Nodes matching the current search; their rows are highlighted. */
  matchIds?: ReadonlySet<string>;
  selectedId?: string;
  onSelect: (id: string) => void;
  /** The sort in its URL form, `"memory:desc"`; an unknown value shows the nodes in the order given. */
  sort?: string;
  /** With it the caller owns the sort (e.g. in the URL); without it the table keeps the sort itself. */
  onSortChange?: (sort: string | undefined) => void;
  /** What a Group node's members are called in its count; "pods" unless told. */
  groupNoun?: string;
  /** CSS height of the scrolling area; fills the parent unless told. */
  height?: string;
}

export { TOPOLOGY_ROW_HEIGHT } from "./TopologyTableRow";

/** The nodes of the map as a sortable, virtualised table; a row selects its node on click, Enter or Space. */
export function TopologyTable(props: TopologyTableProps) {
  const { nodes, matchIds, selectedId, onSelect } = props;
  const [ownSort, setOwnSort] = useState(props.sort);
  const sortText = props.onSortChange ? props.sort : ownSort;
  const onSortChange = (next: TableSort | undefined) => (props.onSortChange ?? setOwnSort)(formatTableSort(next));
  // One object per sort text: a new one each render would re-sort every row on every scroll frame.
  const sort = useMemo(() => parseTableSort(sortText), [sortText]);
  const table = useTopologyTableModel({ nodes, sort, onSortChange });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { virtualizer, items, padTop, padBottom } = useVirtualRows(rows.length, scrollRef);
  useScrollToSelected(virtualizer, rows, selectedId);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const action = rowKeyAction(event.key, false);
    const target = action?.type === "move" ? index + action.step : index;
    const row = rows[index];
    if (!action || !row || target < 0 || target >= rows.length) return;
    event.preventDefault();
    if (action.type === "open") onSelect(row.id);
    else if (action.type === "move") {
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus());
    }
  };

  return (
    <div ref={scrollRef} style={{ height: props.height ?? "100%", overflow: "auto" }}>
      <Table aria-label={`Topology table, ${nodes.length} ${nodes.length === 1 ? "node" : "nodes"}`} aria-rowcount={rows.length + 1} highlightOnHover stickyHeader style={{ tableLayout: "fixed", minWidth: 900 }}>
        <TopologyTableHead headerGroups={table.getHeaderGroups()} />
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TopologyTableRow
                key={row.id}
                node={row.original}
                index={item.index}
                selected={row.id === selectedId}
                matched={matchIds?.has(row.id) ?? false}
                groupNoun={props.groupNoun}
                onSelect={onSelect}
                onKeyDown={onRowKey}
              />
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function useVirtualRows(count: number, scrollRef: RefObject<HTMLDivElement | null>) {
  // The virtualizer re-renders this component itself on scroll, which is what a compiler memo would skip.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TOPOLOGY_ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const lastItem = items[items.length - 1];
  // Spacer rows above and below stand for the rows not rendered, so the scrollbar is true to all of them.
  return { virtualizer, items, padTop: items[0]?.start ?? 0, padBottom: lastItem ? virtualizer.getTotalSize() - lastItem.end : 0 };
}

// Brings a newly selected node's row into view (e.g. picked on the map), once per selection so live updates do not pull the scroll back.
function useScrollToSelected(virtualizer: Virtualizer<HTMLDivElement, Element>, rows: readonly TableModelRow[], selectedId: string | undefined) {
  const scrolledTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (selectedId === scrolledTo.current) return;
    const index = selectedId === undefined ? -1 : rows.findIndex((row) => row.id === selectedId);
    if (selectedId !== undefined && index < 0) return;
    scrolledTo.current = selectedId;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [virtualizer, rows, selectedId]);
}
