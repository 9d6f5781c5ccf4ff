const GO_FLOAT = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** Go's strconv.ParseFloat for the forms the scripts use: decimals, exponents, Inf/NaN in any case, a sign. */
export function parseGoFloat(text: string): number {
  if (!GO_FLOAT.test(text)) throw new Error(`invalid number "${text}"`);
  const body = text.replace(/^[+-]/, "").toLowerCase();
  const negative = text.startsWith("-");
  if (body === "nan") return NaN;
  if (body === "inf" || body === "infinity") return negative ? -Infinity : Infinity;
  return Number(text);
}

/** The scripts' scalar expectation line: Go's ParseInt with base prefixes (0x, 0o, 0b), else ParseFloat. */
export function parseScalarLine(text: string): number | null {
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(text) || /^[+-]?0[oO][0-7]+$/.test(text) || /^[+-]?0[bB][01]+$/.test(text)) {
    const negative = text.startsWith("-");
    const value = Number(text.replace(/^[+-]/, ""));
    return negative ? -value : value;
  }
  try {
    return parseGoFloat(text);
  } catch {
    return null;
  }
}
