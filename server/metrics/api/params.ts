import type { Millis } from "../model/sample";
import { invalidParameter } from "./promResponse";

/** The request's parameters as Go's r.Form: a form body's values first, then the URL's. */
export interface PromParams {
  /** The first value, or undefined when absent or empty (as r.FormValue treats ""). */
  get(name: string): string | undefined;
  getAll(name: string): string[];
}

function paramsOf(lists: URLSearchParams[]): PromParams {
  return {
    get: (name) => {
      for (const list of lists) {
        const value = list.get(name);
        if (value !== null) return value === "" ? undefined : value;
      }
      return undefined;
    },
    getAll: (name) => lists.flatMap((list) => list.getAll(name)),
  };
}

/** Reads GET query parameters, and for POST also an application/x-www-form-urlencoded body. */
export async function readParams(req: Request): Promise<PromParams> {
  const fromUrl = new URL(req.url).searchParams;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (req.method !== "POST" || type !== "application/x-www-form-urlencoded") return paramsOf([fromUrl]);
  return paramsOf([new URLSearchParams(await req.text()), fromUrl]);
}

/** The earliest and latest times a request can name (Prometheus's MinTime/MaxTime, within exact JS integers). */
export const MIN_TIME: Millis = Number.MIN_SAFE_INTEGER;
export const MAX_TIME: Millis = Number.MAX_SAFE_INTEGER;
// Prometheus's own spellings of MinTime and MaxTime, which clients send back verbatim.
const minTimeText = "-292275055-05-16T16:47:04.192Z";
const maxTimeText = "292277025-08-18T07:12:54.999Z";

const decimalFloat = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function secondsToMillis(seconds: number): Millis {
  const whole = Math.trunc(seconds);
  return whole * 1000 + Math.round((seconds - whole) * 1000);
}

function parseRfc3339(text: string): Millis | undefined {
  const m = rfc3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(utc);
  // Date.UTC rolls 31 April over to 1 May; Go refuses it, and so does this.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = m[7] ? Number(m[7].slice(1, 4).padEnd(3, "0")) : 0;
  const zone = m[8]!;
  const offsetMinutes = zone.toUpperCase() === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return utc + fraction - offsetMinutes * 60_000;
}

/** A time as Prometheus accepts it: unix seconds with decimals, or RFC 3339; errors name the parameter. */
export function parseTime(text: string, param: string): Millis {
  if (decimalFloat.test(text)) {
    const ms = secondsToMillis(Number(text));
    if (Number.isSafeInteger(ms)) return ms;
  }
  const parsed = parseRfc3339(text);
  if (parsed !== undefined) return parsed;
  if (text === minTimeText) return MIN_TIME;
  if (text === maxTimeText) return MAX_TIME;
  throw invalidParameter(param, `cannot parse ${JSON.stringify(text)} to a valid timestamp`);
}

/** `time` when given, else `fallback` (now for queries, the edges of time for metadata APIs). */
export function timeParam(params: PromParams, name: string, fallback: Millis): Millis {
  const text = params.get(name);
  return text === undefined ? fallback : parseTime(text, name);
}

const durationUnits: [string, number][] = [["y", 365 * 86_400_000], ["w", 7 * 86_400_000], ["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1000], ["ms", 1]];
const promDuration = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
// Go's time.Duration is int64 nanoseconds.
const maxDurationMs = 9_223_372_036_854;

/** A duration as Prometheus accepts it: float seconds or a duration like 1h30m; answered in ms. */
export function parseDuration(text: string, param: string): Millis {
  if (decimalFloat.test(text)) {
    const seconds = Number(text);
    if (Math.abs(seconds * 1000) > maxDurationMs) throw invalidParameter(param, `cannot parse ${JSON.stringify(text)} to a valid duration. It overflows int64`);
    return Math.trunc(seconds * 1000);
  }
  const m = promDuration.exec(text);
  if (m && text !== "") {
    const ms = durationUnits.reduce((sum, [, unit], i) => sum + Number(m[i + 1] ?? 0) * unit, 0);
    if (ms <= maxDurationMs) return ms;
  }
  throw invalidParameter(param, `cannot parse ${JSON.stringify(text)} to a valid duration`);
}

/** `limit`: absent or 0 means none; negative or not a whole number is bad data. */
export function parseLimit(params: PromParams, name = "limit"): number {
  const text = params.get(name);
  if (text === undefined) return 0;
  if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw invalidParameter(name, `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const limit = Number(text);
  if (limit < 0) throw invalidParameter(name, "limit must be non-negative");
  return limit;
}
