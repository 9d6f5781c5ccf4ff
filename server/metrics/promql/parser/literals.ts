const MS_PER_UNIT: Record<string, number> = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};
const DURATION_PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_UNITS = ["y", "w", "d", "h", "m", "s", "ms"] as const;

/** Milliseconds of a Prometheus duration such as `1h30m`, or undefined when the text is not one. */
export function parseDurationMs(text: string): number | undefined {
  if (text === "0") return 0;
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === "") return undefined;
  let ms = 0;
  DURATION_UNITS.forEach((unit, i) => {
    const count = match[i + 1];
    if (count !== undefined) ms += Number(count) * (MS_PER_UNIT[unit] ?? 0);
  });
  return ms;
}

/** True when a number token carries a time unit (`5m`), which makes it a count of seconds. */
export function isDurationToken(text: string): boolean {
  return /^\d+(?:y|w|d|h|m|s|ms)/.test(text) && !/^0[xX]/.test(text) && !/[eE][+-]?\d+$/.test(text);
}

/** Prometheus's model.Duration form: `1h30m`, `90d`, `0s`; years and weeks only when exact. */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = Math.trunc(ms);
  let out = "";
  for (const unit of DURATION_UNITS) {
    const size = MS_PER_UNIT[unit] ?? 1;
    if ((unit === "y" || unit === "w") && rest % size !== 0) continue;
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}

/** Value of a number token as Go's ParseInt(s, 0, 64) then ParseFloat read it (octal `010` is 8). */
export function parseNumberText(text: string): number {
  const clean = text.replace(/_/g, "");
  if (isDurationToken(clean)) {
    const ms = parseDurationMs(clean);
    if (ms !== undefined) return ms / 1000;
  }
  const lower = clean.toLowerCase();
  if (lower === "inf" || lower === "+inf" || lower === "infinity") return Infinity;
  if (lower === "-inf" || lower === "-infinity") return -Infinity;
  if (lower === "nan" || lower === "+nan" || lower === "-nan") return NaN;
  const sign = lower.startsWith("-") ? -1 : 1;
  const unsigned = lower.replace(/^[+-]/, "");
  const integer = parseGoInteger(unsigned);
  if (integer !== undefined) return sign * integer;
  return sign * Number(unsigned);
}

function parseGoInteger(text: string): number | undefined {
  if (/^0x[0-9a-f]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0b[01]+$/.test(text)) return parseInt(text.slice(2), 2);
  if (/^0[0-7]+$/.test(text)) return parseInt(text.slice(1), 8);
  if (/^\d+$/.test(text)) return Number(text);
  return undefined;
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent. */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  if (Object.is(value, -0)) return "-0";
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return expandExponent(text);
}

function expandExponent(text: string): string {
  const [mantissa = "", exponentText = "0"] = text.split(/e/i);
  const negative = mantissa.startsWith("-");
  const [whole = "", fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  return (negative ? "-" : "") + out;
}
