/** Columns of the topology table, in display order; also the names a `sort` URL value may use. */
export const TABLE_COLUMN_IDS = ["kind", "name", "namespace", "status", "node", "cpu", "memory", "restarts"] as const;
export type TableColumnId = (typeof TABLE_COLUMN_IDS)[number];

export interface TableSort {
  column: TableColumnId;
  direction: "asc" | "desc";
}

const isColumnId = (text: string): text is TableColumnId => (TABLE_COLUMN_IDS as readonly string[]).includes(text);

/** Reads `"memory:desc"` or `"name"` (ascending); anything else, such as an unknown column from an old link, means unsorted. */
export function parseTableSort(text: string | null | undefined): TableSort | undefined {
  if (!text) return undefined;
  const [column = "", direction = "asc", ...rest] = text.trim().toLowerCase().split(":");
  if (rest.length > 0 || !isColumnId(column)) return undefined;
  if (direction !== "asc" && direction !== "desc") return undefined;
  return { column, direction };
}

/** The URL form of a sort, `"memory:desc"`; undefined when unsorted, so the parameter can be dropped. */
export function formatTableSort(sort: TableSort | undefined): string | undefined {
  return sort ? `${sort.column}:${sort.direction}` : undefined;
}
