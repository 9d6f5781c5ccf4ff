const UNIT_MS = { y: 365 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
/** Prometheus's duration units, largest first; each may appear once and only in this order. */
const UNIT_ORDER: readonly Unit[] = ["y", "w", "d", "h", "m", "s", "ms"];
const PART = /(\d+)(ms|[ywdhms])/y;

/** Parses a Prometheus duration (`1h30m`, `10s500ms`, `0`) into milliseconds, as the scripts' times and steps are written. */
export function parseDuration(text: string): number {
  if (text === "0") return 0;
  if (text === "") throw new Error("empty duration string");
  let total = 0;
  let nextUnit = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const match = PART.exec(text);
    if (!match) throw new Error(`not a valid duration string: "${text}"`);
    const unit = match[2] as Unit;
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank < nextUnit) throw new Error(`not a valid duration string: "${text}"`);
    nextUnit = rank + 1;
    total += Number(match[1]) * UNIT_MS[unit];
  }
  return total;
}

/** A signed duration as the `@st` lines write offsets (`-30s`, `+1m`, `-0ms`). */
export function parseSignedDuration(text: string): number {
  if (text.startsWith("-")) return -parseDuration(text.slice(1));
  if (text.startsWith("+")) return parseDuration(text.slice(1));
  return parseDuration(text);
}
