"use client";
import { useMemo, type ReactNode } from "react";
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
  type Header,
  type Row,
  type SortingState,
} from "@tanstack/react-table";

/** One column of a resource list: what it shows and what it sorts by. */
export interface ColumnSpec<TRow> {
  id: string;
  header: string;
  /** The value sorting uses; also shown when there is no `render`. */
  value: (row: TRow) => string | number;
  render?: (row: TRow) => ReactNode;
  width?: number | string;
  /** Numbers sort largest first on the first click (most restarts, oldest). */
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

export type TableRow = Row<typeof features, object>;
export type TableHeader = Header<typeof features, object, unknown>;

export interface TableModelOptions<TRow extends object> {
  rows: readonly TRow[];
  columns: readonly ColumnSpec<TRow>[];
  rowId: (row: TRow) => string;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  /** Children shown indented under a row (pods under their controller). */
  subRows?: (row: TRow) => TRow[] | undefined;
  expanded?: ExpandedState;
  onExpandedChange?: (expanded: ExpandedState) => void;
}

const noExpansion: ExpandedState = {};

/** The sorted (and optionally nested) row model of a resource list, with sorting and expansion held by the caller. */
export function useResourceTableModel<TRow extends object>(options: TableModelOptions<TRow>) {
  const { columns, rows, sorting, onSortingChange, rowId, subRows, onExpandedChange } = options;
  const expanded = options.expanded ?? noExpansion;
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

export type RowKeyAction = { type: "open" } | { type: "expand"; expanded: boolean } | { type: "move"; step: 1 | -1 } | undefined;

/** What a key press on a focused row does: Enter/Space open, arrows move or fold. */
export function rowKeyAction(key: string, canExpand: boolean): RowKeyAction {
  if (key === "Enter" || key === " ") return { type: "open" };
  if (canExpand && (key === "ArrowRight" || key === "ArrowLeft")) return { type: "expand", expanded: key === "ArrowRight" };
  if (key === "ArrowDown") return { type: "move", step: 1 };
  if (key === "ArrowUp") return { type: "move", step: -1 };
  return undefined;
}
