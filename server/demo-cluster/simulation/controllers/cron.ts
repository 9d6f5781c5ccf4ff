// Standard five-field cron schedules (minute hour day-of-month month day-of-week), evaluated in UTC.

export interface CronSchedule {
  minutes: boolean[];
  hours: boolean[];
  daysOfMonth: boolean[];
  months: boolean[];
  daysOfWeek: boolean[];
  /** Cron's rule: when both day fields are restricted, a day matching either one counts. */
  daysOfMonthRestricted: boolean;
  daysOfWeekRestricted: boolean;
}

const macros: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesStart?: number;
}

const fields: FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: monthNames, namesStart: 1 },
  { name: "day of week", min: 0, max: 7, names: dayNames, namesStart: 0 },
];

function parseValue(text: string, spec: FieldSpec): number {
  const byName = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  const value = byName >= 0 ? byName + (spec.namesStart ?? 0) : Number(text);
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new Error(`${spec.name} value "${text}" is out of range ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec): boolean[] {
  const allowed = new Array<boolean>(spec.max + 1).fill(false);
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) throw new Error(`${spec.name} step "${stepText}" must be a positive whole number`);
    let [from, to] = [spec.min, spec.max];
    if (range !== "*" && range !== "?") {
      const [a = "", b] = range.split("-");
      from = parseValue(a, spec);
      to = b === undefined ? (stepText === undefined ? from : spec.max) : parseValue(b, spec);
      if (to < from) throw new Error(`${spec.name} range "${range}" ends before it starts`);
    }
    for (let v = from; v <= to; v += step) allowed[v] = true;
  }
  return allowed;
}

/** Parses a cron expression; throws an Error naming the bad field. */
export function parseCron(expression: string): CronSchedule {
  const text = macros[expression.trim().toLowerCase()] ?? expression.trim().replace(/^(CRON_)?TZ=\S+\s+/, "");
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected exactly 5 fields, found ${parts.length}: "${expression}"`);
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parts.map((p, i) => parseField(p, fields[i]!)) as [boolean[], boolean[], boolean[], boolean[], boolean[]];
  if (daysOfWeek[7]) daysOfWeek[0] = true;
  const star = (p: string) => p === "*" || p === "?";
  return { minutes, hours, daysOfMonth, months, daysOfWeek, daysOfMonthRestricted: !star(parts[2]!), daysOfWeekRestricted: !star(parts[4]!) };
}

function dayMatches(s: CronSchedule, date: Date): boolean {
  const dom = s.daysOfMonth[date.getUTCDate()] === true;
  const dow = s.daysOfWeek[date.getUTCDay()] === true;
  if (s.daysOfMonthRestricted && s.daysOfWeekRestricted) return dom || dow;
  return dom && dow;
}

const minute = 60_000;

/** The first scheduled minute strictly after `afterMs`, or undefined if none within five years. */
export function nextScheduleAfter(s: CronSchedule, afterMs: number): number | undefined {
  let t = (Math.floor(afterMs / minute) + 1) * minute;
  const limit = afterMs + 5 * 366 * 24 * 60 * minute;
  while (t <= limit) {
    const d = new Date(t);
    if (!s.months[d.getUTCMonth() + 1]) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    else if (!dayMatches(s, d)) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    else if (!s.hours[d.getUTCHours()]) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
    else if (!s.minutes[d.getUTCMinutes()]) t += minute;
    else return t;
  }
  return undefined;
}

/** The latest scheduled minute in (sinceMs, nowMs], looking back at most a day; undefined if none. */
export function latestScheduleBetween(s: CronSchedule, sinceMs: number, nowMs: number): number | undefined {
  let latest: number | undefined;
  let t = nextScheduleAfter(s, Math.max(sinceMs, nowMs - 24 * 60 * minute));
  while (t !== undefined && t <= nowMs) {
    latest = t;
    t = nextScheduleAfter(s, t);
  }
  return latest;
}
