"use client";
import { useRef, type KeyboardEvent } from "react";
import { ActionIcon, Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { FlexRender } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { rowKeyAction, useResourceTableModel, type TableHeader, type TableModelOptions, type TableRow } from "./resourceTableModel";

export type { ColumnSpec } from "./resourceTableModel";

export const ROW_HEIGHT = 37;

export interface ResourceTableProps<TRow extends object> extends TableModelOptions<TRow> {
  /** The accessible name of the table, e.g. "Pods". */
  label: string;
  onOpen: (row: TRow) => void;
  selectedId?: string;
  /** Dims the rows: the data shown may be out of date. */
  stale?: boolean;
  height: string;
}

/** A sortable, virtualised list of objects; rows open details on click or Enter. */
export function ResourceTable<TRow extends object>(props: ResourceTableProps<TRow>) {
  const table = useResourceTableModel(props);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // The virtualizer re-renders this component itself on scroll, which is what a compiler memo would skip.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: TableRow) => {
    const action = rowKeyAction(event.key, row.getCanExpand());
    const target = action?.type === "move" ? index + action.step : index;
    if (!action || target < 0 || target >= rows.length) return;
    event.preventDefault();
    if (action.type === "open") props.onOpen(row.original as TRow);
    else if (action.type === "expand") row.toggleExpanded(action.expanded);
    else {
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus());
    }
  };

  return (
    <div ref={scrollRef} style={{ height: props.height, overflow: "auto", opacity: props.stale ? 0.6 : 1 }} data-stale={props.stale || undefined}>
      <Table aria-label={props.label} aria-rowcount={rows.length + 1} highlightOnHover stickyHeader style={{ tableLayout: "fixed", minWidth: 900 }}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} column={props.columns.find((c) => c.id === header.column.id)} />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <Table.Tr
                key={row.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={row.id === props.selectedId}
                aria-expanded={row.getCanExpand() ? row.getIsExpanded() : undefined}
                aria-level={props.subRows ? row.depth + 1 : undefined}
                tabIndex={0}
                style={{ height: ROW_HEIGHT, cursor: "pointer" }}
                bg={row.id === props.selectedId ? "var(--mantine-primary-color-light)" : undefined}
                onClick={() => props.onOpen(row.original as TRow)}
                onKeyDown={(event) => onRowKey(event, item.index, row)}
              >
                <RowCells row={row} nested={props.subRows !== undefined} />
              </Table.Tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function SortableHeader({ header, column }: { header: TableHeader; column: { header: string; width?: number | string } | undefined }) {
  const sorted = header.column.getIsSorted();
  return (
    <Table.Th style={{ width: column?.width }} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
      <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
        {column?.header}
        {sorted === "asc" ? <IconArrowUp size={12} aria-hidden /> : sorted === "desc" ? <IconArrowDown size={12} aria-hidden /> : null}
      </UnstyledButton>
    </Table.Th>
  );
}

const cellStyle = { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" } as const;

function RowCells({ row, nested }: { row: TableRow; nested: boolean }) {
  return row.getAllCells().map((cell, index) => (
    <Table.Td key={cell.id} style={cellStyle}>
      {index === 0 && nested ? (
        <Group gap={4} wrap="nowrap" pl={row.depth * 28}>
          <ExpandToggle row={row} />
          <FlexRender cell={cell} />
        </Group>
      ) : (
        <FlexRender cell={cell} />
      )}
    </Table.Td>
  ));
}

// A placeholder of the same width keeps names aligned for rows without children.
function ExpandToggle({ row }: { row: TableRow }) {
  if (!row.getCanExpand()) return <span style={{ width: 22, flex: "none" }} />;
  const expanded = row.getIsExpanded();
  return (
    <ActionIcon
      size="sm"
      variant="subtle"
      color="gray"
      aria-label={expanded ? "Collapse" : "Expand"}
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation();
        row.toggleExpanded();
      }}
    >
      {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
    </ActionIcon>
  );
}
