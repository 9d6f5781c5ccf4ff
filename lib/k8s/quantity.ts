// Kubernetes resource quantities ("250m", "1.5Gi", "2e3") as plain numbers and back.

const binarySuffixes: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimalSuffixes: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const quantityPattern = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** Parses a quantity into base units (cores for CPU, bytes for memory); undefined when it is not one. */
export function parseQuantity(text: string): number | undefined {
  const match = quantityPattern.exec(text.trim());
  if (!match) return undefined;
  const [, number, exponent, suffix = ""] = match;
  const value = Number(number) * (exponent ? 10 ** Number(exponent.slice(1)) : 1);
  const scale = binarySuffixes[suffix] ?? decimalSuffixes[suffix];
  return scale === undefined ? undefined : value * scale;
}

function trimNumber(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** Formats cores the way Kubernetes writes them: "250m" below one core, "1.5" above. */
export function formatCpu(cores: number): string {
  if (cores === 0) return "0";
  if (Math.abs(cores) < 1) return `${Math.round(cores * 1000)}m`;
  return trimNumber(cores, 2);
}

const memoryUnits = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** Formats bytes with the largest binary unit that keeps the number at or above 1: "512Mi", "1.5Gi". */
export function formatMemory(bytes: number): string {
  if (Math.abs(bytes) < 1024) return `${Math.round(bytes)}`;
  let value = bytes;
  let unit = "";
  for (const next of memoryUnits) {
    if (Math.abs(value) < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${trimNumber(value, 1)}${unit}`;
}

/** Re-formats a quantity string for display; leaves text it cannot read unchanged. */
export function formatQuantity(resource: string, text: string | undefined): string {
  if (text === undefined) return "-";
  const value = parseQuantity(text);
  if (value === undefined) return text;
  if (resource === "cpu") return formatCpu(value);
  if (resource === "memory" || resource.includes("storage")) return formatMemory(value);
  return text;
}
