"use client";
import { useMemo, useRef, type KeyboardEvent, type ReactNode } from "react";
import { ActionIcon, Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import {
  createColumnHelper,
  createExpandedRowModel,
  createSortedRowModel,
  rowExpandingFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ExpandedState,
  type Row,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";

/** One column of a resource list: what it shows and what it sorts by. */
export interface ColumnSpec<TRow> {
  id: string;
  header: string;
  /** The value sorting uses; also shown when there is no `render`. */
  value: (row: TRow) => string | number;
  render?: (row: TRow) => ReactNode;
  width?: number | string;
  numeric?: boolean;
}

const features = tableFeatures({
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const helper = createColumnHelper<typeof features, object>();

export const ROW_HEIGHT = 37;

export interface ResourceTableProps<TRow extends object> {
  /** The accessible name of the table, e.g. "Pods". */
  label: string;
  rows: readonly TRow[];
  columns: readonly ColumnSpec<TRow>[];
  rowId: (row: TRow) => string;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onOpen: (row: TRow) => void;
  selectedId?: string;
  /** Dims the rows: the data shown may be out of date. */
  stale?: boolean;
  height: string;
  /** Children shown indented under a row (pods under their controller). */
  subRows?: (row: TRow) => TRow[] | undefined;
  expanded?: ExpandedState;
  onExpandedChange?: (expanded: ExpandedState) => void;
}

const noExpansion: ExpandedState = {};

function useResourceTable<TRow extends object>(props: ResourceTableProps<TRow>) {
  const { columns, rows, sorting, onSortingChange, rowId, subRows, onExpandedChange } = props;
  const expanded = props.expanded ?? noExpansion;
  const tableColumns = useMemo(
    // Mixed value types per column: the library itself types column arrays with `any` values.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (): ColumnDef<typeof features, object, any>[] =>
      columns.map((spec) =>
        helper.accessor((row): string | number => spec.value(row as TRow), {
          id: spec.id,
          header: spec.header,
          sortFn: spec.numeric ? "basic" : "alphanumeric",
          cell: (ctx) => (spec.render ? spec.render(ctx.row.original as TRow) : String(ctx.getValue())),
        }),
      ),
    [columns],
  );
  return useTable({
    features,
    columns: tableColumns,
    data: rows as readonly object[],
    getRowId: (row) => rowId(row as TRow),
    getSubRows: subRows ? (row) => subRows(row as TRow) : undefined,
    state: { sorting, expanded },
    onSortingChange: (updater) => onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
    onExpandedChange: (updater) => onExpandedChange?.(typeof updater === "function" ? updater(expanded) : updater),
    enableMultiSort: false,
    // Live data changes many times a minute; what the user expanded must not collapse with it.
    autoResetExpanded: false,
  });
}

/** A sortable, virtualised list of objects; rows open details on click or Enter. */
export function ResourceTable<TRow extends object>(props: ResourceTableProps<TRow>) {
  const table = useResourceTable(props);
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

  const moveFocus = (event: KeyboardEvent<HTMLTableRowElement>, index: number, tableRow: AnyRow) => {
    const row = tableRow.original as TRow;
    if ((event.key === "ArrowRight" || event.key === "ArrowLeft") && tableRow.getCanExpand()) {
      event.preventDefault();
      tableRow.toggleExpanded(event.key === "ArrowRight");
      return;
    }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      props.onOpen(row);
      return;
    }
    const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    const target = index + step;
    if (step === 0 || target < 0 || target >= rows.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus());
  };

  return (
    <div ref={scrollRef} style={{ height: props.height, overflow: "auto", opacity: props.stale ? 0.6 : 1 }} data-stale={props.stale || undefined}>
      <Table aria-label={props.label} aria-rowcount={rows.length + 1} highlightOnHover stickyHeader style={{ tableLayout: "fixed", minWidth: 900 }}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const spec = props.columns.find((c) => c.id === header.column.id);
                const sorted = header.column.getIsSorted();
                return (
                  <Table.Th key={header.id} style={{ width: spec?.width }} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
                    <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                      {spec?.header}
                      {sorted === "asc" ? <IconArrowUp size={12} aria-hidden /> : sorted === "desc" ? <IconArrowDown size={12} aria-hidden /> : null}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const row = rows[item.index]!;
            const original = row.original as TRow;
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
                onClick={() => props.onOpen(original)}
                onKeyDown={(event) => moveFocus(event, item.index, row)}
              >
                {row.getAllCells().map((cell, index) => (
                  <Table.Td key={cell.id} style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
                    {index === 0 && (props.subRows || row.depth > 0) ? (
                      <Group gap={4} wrap="nowrap" pl={row.depth * 28}>
                        <ExpandToggle row={row} />
                        <table.FlexRender cell={cell} />
                      </Group>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}

type AnyRow = Row<typeof features, object>;

// A placeholder of the same width keeps names aligned for rows without children.
function ExpandToggle({ row }: { row: AnyRow }) {
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
