// Resource usage as people read it: CPU as kubectl top writes it, memory in binary units with a space.
import { formatCpu } from "../k8s/quantity";

const BINARY_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"] as const;

/** 250 → "250m", 1500 → "1.5" (cores above one, as Kubernetes writes them). */
export function formatMillicores(millicores: number): string {
  return formatCpu(millicores / 1000);
}

/** Bytes in the largest binary unit that keeps the number at 1 or more: "118 MiB", "1.5 GiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  // Step up at 1023.5 rather than 1024 so rounding never shows "1024 KiB".
  while (Math.abs(value) >= 1023.5 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || Math.abs(value) >= 100 ? 0 : 1;
  return `${Number(value.toFixed(digits))} ${BINARY_UNITS[unit]}`;
}
