// Just enough of Kubernetes resource quantities for memory and CPU figures.

const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** "512Mi" → 536870912, "1.5G" → 1.5e9, "250m" → 0.25; undefined when not a quantity. */
export function parseQuantity(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = /^([+-]?\d+(?:\.\d+)?)(?:e([+-]?\d+))?([A-Za-z]{0,2})$/.exec(value.trim());
  if (!match) return undefined;
  const [, number, exponent, suffix = ""] = match;
  const scale = binary[suffix] ?? decimal[suffix];
  if (scale === undefined) return undefined;
  return Number(number) * scale * (exponent ? 10 ** Number(exponent) : 1);
}
