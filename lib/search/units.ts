// Reads the number on the right of a metric comparison into the metric's base unit.
import { parseQuantity } from "@/lib/k8s/quantity";
import type { MetricName } from "./ast";

/** On failure: the problem (the parser appends the column) and a hint saying what to write instead. */
export type UnitResult = { ok: true; value: number } | { ok: false; problem: string; hint: string };

const binaryPowers: Readonly<Record<string, number>> = { k: 1, m: 2, g: 3, t: 4, p: 5, e: 6 };
const memoryPattern = /^(\d+\.?\d*|\.\d+)([a-zA-Z]*)$/;
const memoryUnitHint = "use Ki, Mi, Gi, Ti (Kubernetes) or K, M, G, T (Scope style, also 1024-based)";

/**
 * Memory in bytes. Kubernetes binary suffixes (Ki, Mi, Gi…, also KiB) are powers of 1024, and so are
 * Scope's bare letters in any case, with or without B (100M, 100m, 100MB = 100×1024²), as Scope read them.
 */
export function parseMemoryBytes(text: string): UnitResult {
  if (/^\d+\.?\d*[eE][+-]?\d+$/.test(text)) return nonNegative(parseQuantity(text), text);
  const match = memoryPattern.exec(text);
  if (!match) return { ok: false, problem: `'${text}' is not a memory size`, hint: memoryUnitHint };
  const [, digits = "", suffix] = match;
  const scale = memoryScale(suffix ?? "");
  if (scale === undefined) return { ok: false, problem: `unknown memory unit '${suffix}' in '${text}'`, hint: memoryUnitHint };
  return { ok: true, value: Number(digits) * scale };
}

function memoryScale(suffix: string): number | undefined {
  if (suffix === "" || suffix === "B" || suffix === "b") return 1;
  const withoutByte = suffix.length > 1 && /[bB]$/.test(suffix) ? suffix.slice(0, -1) : suffix;
  if (/^[KMGTPE]i$/.test(withoutByte)) return parseQuantity(`1${withoutByte}`);
  if (withoutByte.length !== 1) return undefined;
  const power = binaryPowers[withoutByte.toLowerCase()];
  return power === undefined ? undefined : 1024 ** power;
}

const cpuHint = "use cores (0.5) or millicores (500m)";

/** CPU in millicores: "250m", "0.5" or "2" cores; any Kubernetes quantity. Percentages are not supported. */
export function parseCpuMillicores(text: string): UnitResult {
  if (text.endsWith("%")) {
    return { ok: false, problem: `percentages are not supported ('${text}')`, hint: cpuHint };
  }
  const cores = parseQuantity(text);
  if (cores === undefined) return { ok: false, problem: `'${text}' is not a CPU amount`, hint: cpuHint };
  // Round away float noise so "333m" compares equal to 333 millicores.
  return nonNegative(Math.round(cores * 1000 * 1e6) / 1e6, text);
}

export function parseRestartCount(text: string): UnitResult {
  if (!/^\d+$/.test(text)) return { ok: false, problem: `'${text}' is not a restart count`, hint: "use a whole number such as 3" };
  return { ok: true, value: Number(text) };
}

function nonNegative(value: number | undefined, text: string): UnitResult {
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    return { ok: false, problem: `'${text}' is not a non-negative number`, hint: "metrics are never negative" };
  }
  return { ok: true, value };
}

export function parseMetricValue(metric: MetricName, text: string): UnitResult {
  if (metric === "cpu") return parseCpuMillicores(text);
  if (metric === "memory") return parseMemoryBytes(text);
  return parseRestartCount(text);
}
