/** Go's %v / strconv 'g' text of a float, as Prometheus's messages print numbers. */
export function formatGoFloat(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  const text = String(v);
  return text.replace(/e([+-])(\d)$/, "e$10$2");
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64): the shortest exact digits, never an exponent. */
export function formatGoFloatFixed(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  if (Object.is(v, -0)) return "-0";
  const text = String(v);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, frac = "", expText] = match;
  const digits = lead! + frac;
  const exp = Number(expText);
  if (exp >= 0) return sign + digits.padEnd(exp + 1, "0");
  return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
}
