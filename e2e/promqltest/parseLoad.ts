import { labelsKey } from "@/server/metrics/model/labels";
import { parseDuration } from "./duration";
import { blockEnd } from "./scriptLines";
import { parseStartTimestampLine } from "./startTimestamps";
import type { LoadCommand, LoadedSeries } from "./scriptTypes";
import { parseSeriesLine } from "./seriesLine";

const LOAD = /^load(?:_(with_nhcb))?\s+(.+?)$/;

type LoadBlock = { command: LoadCommand; last: number } | { error: string; errorLine: number; last: number };

/** Reads `load <interval>` and its series lines (with optional `@st` lines before a series) up to the next blank line. */
export function parseLoadBlock(lines: readonly string[], first: number): LoadBlock {
  const last = blockEnd(lines, first);
  const header = LOAD.exec(lines[first]!);
  if (!header) return { error: "invalid load command. (load[_with_nhcb] <step:duration>)", errorLine: first, last };
  try {
    const command: LoadCommand = { kind: "load", line: first + 1, intervalMs: parseDuration(header[2]!), withNhcb: header[1] !== undefined, series: [] };
    readSeries(lines, first + 1, last, command.series);
    return { command, last };
  } catch (error) {
    const at = error instanceof LineError ? error.line : first;
    return { error: `${(error as Error).message}`, errorLine: at, last };
  }
}

class LineError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

function readSeries(lines: readonly string[], from: number, to: number, out: LoadedSeries[]): void {
  let pending: { key: string; offsets: (number | null)[]; line: number } | undefined;
  let defaultOffsets: (number | null)[] | undefined;
  for (let i = from; i <= to; i++) {
    try {
      const st = parseStartTimestampLine(lines[i]!);
      if (st && st.labels === null) defaultOffsets = st.offsets;
      else if (st && st.labels) {
        if (pending) throw new Error("@st line has no following sample line");
        pending = { key: labelsKey(st.labels), offsets: st.offsets, line: i };
      } else {
        setSeries(out, withOffsets(parseSeriesLine(lines[i]!), i, pending, defaultOffsets));
        pending = undefined;
      }
    } catch (error) {
      throw error instanceof LineError ? error : new LineError(i, (error as Error).message);
    }
  }
  if (pending) throw new LineError(pending.line, "@st line has no following sample line");
}

/** A later line for the same series replaces the earlier one, as promqltest keys a load's series by their labels. */
function setSeries(out: LoadedSeries[], series: LoadedSeries): void {
  const key = labelsKey(series.labels);
  const earlier = out.findIndex((s) => labelsKey(s.labels) === key);
  if (earlier >= 0) out.splice(earlier, 1);
  out.push(series);
}

function withOffsets(
  parsed: ReturnType<typeof parseSeriesLine>,
  index: number,
  pending: { key: string; offsets: (number | null)[] } | undefined,
  defaults: (number | null)[] | undefined,
): LoadedSeries {
  const series: LoadedSeries = { ...parsed, line: index + 1 };
  if (pending) {
    if (pending.key !== labelsKey(parsed.labels)) throw new Error("@st metric does not match the following sample line metric");
    if (pending.offsets.length !== parsed.values.length) throw new Error(`@st line has ${pending.offsets.length} values but sample line has ${parsed.values.length}`);
    series.startOffsets = pending.offsets;
  } else if (defaults && defaults.length > 0) {
    // A metric-less `@st` line applies to every later series of the block, cycled over its points.
    series.startOffsets = parsed.values.map((_, k) => defaults[k % defaults.length] ?? null);
  }
  return series;
}
