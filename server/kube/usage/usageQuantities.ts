import { parseQuantity } from "@/lib/k8s/quantity";

// Usage quantities as metrics-server writes them ("1234567n", "5m", "123456Ki", "0"), with Kubernetes semantics.
// lib/search/units.ts reads what a person types (Scope's "100m" is 100 MiB there), so it does not fit here.

// Float noise from decimal suffixes ("0.1" × 1000) is rounded away at a millionth.
const roundMillionths = (value: number) => Math.round(value * 1e6) / 1e6;

/** CPU in millicores ("1234567n" is 1.234567); undefined for text that is not a non-negative quantity. */
export function cpuMillicoresOf(text: string): number | undefined {
  const cores = parseQuantity(text);
  if (cores === undefined || !Number.isFinite(cores) || cores < 0) return undefined;
  return roundMillionths(cores * 1000);
}

/** Memory in whole bytes, a fraction rounded up as Quantity.Value() does; undefined for text that is not a non-negative quantity. */
export function memoryBytesOf(text: string): number | undefined {
  const bytes = parseQuantity(text);
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return undefined;
  return Math.ceil(roundMillionths(bytes));
}
