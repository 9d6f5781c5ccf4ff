// Timestamp formats that applications print inside their own log lines.

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function clock(d: Date): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 2024-01-12 10:00:00.123 */
export function isoSpace(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

/** 2024-01-12T10:00:00.123Z */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** 12/Jan/2024:10:00:00 +0000, nginx's $time_local in UTC. */
export function nginxAccessTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${clock(d)} +0000`;
}

/** 2024/01/12 10:00:00, nginx's error log. */
export function nginxErrorTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${clock(d)}`;
}

/** 12 Jan 2024 10:00:00.123, redis's format. */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock(d)}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Fri Jan 12 10:00:00 UTC 2024, what `date` prints. */
export function dateCommandTime(ms: number): string {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${clock(d)} UTC ${d.getUTCFullYear()}`;
}

/** Seconds since the epoch as a float, as zap's default JSON encoder writes "ts". */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
