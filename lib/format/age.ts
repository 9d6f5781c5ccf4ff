const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** Formats a duration the way kubectl's AGE column does (apimachinery HumanDuration). */
export function formatDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return withRemainder(`${minutes}m`, seconds % 60, "s");
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return withRemainder(`${hours}h`, minutes % 60, "m");
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(ms / DAY);
  if (hours < 24 * 8) return withRemainder(`${days}d`, hours % 24, "h");
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(ms / YEAR);
  if (hours < 24 * 365 * 8) return withRemainder(`${years}y`, days % 365, "d");
  return `${years}y`;
}

function withRemainder(head: string, remainder: number, unit: string): string {
  return remainder === 0 ? head : `${head}${remainder}${unit}`;
}

/** The age of an object created at `timestamp` (RFC 3339), or "<unknown>" without one. */
export function formatAge(timestamp: string | undefined, now: number): string {
  if (!timestamp) return "<unknown>";
  const created = Date.parse(timestamp);
  if (Number.isNaN(created)) return "<unknown>";
  return formatDuration(now - created);
}
