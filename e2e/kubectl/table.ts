// kubectl's tables, read by column position: kubectl pads with a tabwriter, so every cell starts where its header
// starts, and an empty cell (an Ingress without ADDRESS) stays in its column instead of shifting the row.

export interface Table {
  header: string[];
  rows: Record<string, string>[];
}

/** Start offsets of the header's columns: the first character, and each word that follows 2+ spaces. */
function columnStarts(header: string): number[] {
  const starts = [0];
  for (const match of header.matchAll(/ {2,}(?=\S)/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** Parses one kubectl table (the first, if the output holds several separated by blank lines). */
export function parseTable(output: string): Table {
  const lines = output.replace(/\r/g, "").split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) return { header: [], rows: [] };
  const end = lines.findIndex((line, i) => i > first && line.trim() === "");
  const block = lines.slice(first, end < 0 ? undefined : end);
  const starts = columnStarts(block[0]!);
  const header = starts.map((start, i) => block[0]!.slice(start, starts[i + 1]).trim());
  const rows = block.slice(1).map((line) => Object.fromEntries(header.map((name, i) => [name, line.slice(starts[i], starts[i + 1]).trim()])));
  return { header, rows };
}

/** Every table of `kubectl get all`-style output, one per blank-line separated block. */
export function parseTables(output: string): Table[] {
  return output.replace(/\r/g, "").split(/\n\s*\n/).filter((block) => block.trim() !== "").map(parseTable);
}

export type Cell = string | RegExp;

/** Checks the named cells of a row: strings exactly, patterns by match; the message shows the whole row. */
export function cellMismatches(row: Record<string, string>, expected: Record<string, Cell>): string[] {
  return Object.entries(expected).flatMap(([column, cell]) => {
    const actual = row[column];
    const ok = actual !== undefined && (typeof cell === "string" ? actual === cell : cell.test(actual));
    return ok ? [] : [`${column}: expected ${String(cell)}, got ${JSON.stringify(actual)} in ${JSON.stringify(row)}`];
  });
}
