import type { Millis } from "../model/sample";

/** A sample value as Prometheus's JSON writes it (Go's 'f' format, shortest digits): "NaN", "+Inf", "-Inf", never an exponent. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const sign = value < 0 ? "-" : "";
  // toExponential() without an argument gives the shortest digits that read back as the same number.
  const [mantissa = "", exponentText = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const pointAt = Number(exponentText) + 1;
  if (pointAt <= 0) return `${sign}0.${"0".repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${"0".repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** A timestamp as the JSON number of seconds Prometheus writes (millisecond precision, no trailing zeros). */
export function formatTimestamp(t: Millis): number {
  return t / 1000;
}
