import type { Labels } from "@/server/metrics/model/labels";
import { parseSignedDuration } from "./duration";
import { parseSeriesLine } from "./seriesLine";

/** An `@st` line: start-timestamp offsets for the next series (labels), or for every series of the block (labels null). */
export interface StartTimestampLine {
  labels: Labels | null;
  offsets: (number | null)[];
}

const DURATION = String.raw`\d+(?:ms|[ywdhms])?(?:\d+(?:ms|[ywdhms]))*`;
const ST_ITEM = new RegExp(String.raw`^([+-]?${DURATION})(?:([+-]${DURATION})?x(\d+))?$`);

/** Returns null unless the line's first word ends in `@st` (`metric{l="v"}@st -1m-1mx3 _`). */
export function parseStartTimestampLine(line: string): StartTimestampLine | null {
  const space = line.search(/[\t ]/);
  if (space < 0 || !line.slice(0, space).endsWith("@st")) return null;
  const metric = line.slice(0, space - 3);
  const offsets: (number | null)[] = [];
  for (const item of line.slice(space + 1).trim().split(/[\t ]+/)) offsets.push(...expandOffsetItem(item, lastKnown(offsets)));
  const labels = metric === "" ? null : parseSeriesLine(`${metric} _`).labels;
  return { labels, offsets };
}

function lastKnown(offsets: readonly (number | null)[]): number {
  for (let i = offsets.length - 1; i >= 0; i--) if (offsets[i] !== null) return offsets[i]!;
  return 0;
}

/** `_`, `_xN`, `*` (the previous offset), `*xN`, `<dur>`, `<dur>xN`, `<dur>±<dur>xN`; `xN` gives N+1 points except for `_`. */
function expandOffsetItem(item: string, previous: number): (number | null)[] {
  if (item === "_") return [null];
  const omitted = /^_x(\d+)$/.exec(item);
  if (omitted) return new Array<null>(Number(omitted[1])).fill(null);
  const repeat = /^\*(?:x(\d+))?$/.exec(item);
  if (repeat) return new Array<number>(repeat[1] === undefined ? 1 : Number(repeat[1]) + 1).fill(previous);
  const match = ST_ITEM.exec(item);
  if (!match) throw new Error(`invalid @st sequence: invalid ST item "${item}"`);
  const base = durationOrZero(match[1]!);
  if (match[3] === undefined) return [base];
  const step = match[2] === undefined ? 0 : parseSignedDuration(match[2]);
  return Array.from({ length: Number(match[3]) + 1 }, (_, k) => base + k * step);
}

/** `0` is the one unit-less duration the offsets use. */
function durationOrZero(text: string): number {
  return /^[+-]?0$/.test(text) ? 0 : parseSignedDuration(text);
}
