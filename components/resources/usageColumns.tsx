import type { ColumnSpec } from "./ResourceTable";
import { UsageCell, type UsageResource } from "./UsageCell";
import { usageSortValue, type RowUsage } from "./usageModel";

const headers: Record<UsageResource, string> = { cpu: "CPU", memory: "Memory" };

/** A sortable CPU or memory column for rows that carry usage; numbers sort largest first on the first click. */
export function usageColumn<TRow extends { usage: RowUsage }>(resource: UsageResource, width: string): ColumnSpec<TRow> {
  return {
    id: resource,
    header: headers[resource],
    value: (row) => usageSortValue(row.usage[resource]),
    numeric: true,
    width,
    render: (row) => <UsageCell resource={resource} data={row.usage[resource]} />,
  };
}
