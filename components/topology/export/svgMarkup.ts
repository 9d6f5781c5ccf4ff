// Small writers for SVG text: numbers, escaped text and attributes, always in the same form so exports are reproducible.

// XML 1.0 forbids these characters even when escaped; a name carrying one must not break the file.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe inside an element or a quoted attribute; names come from the cluster and may hold any of `<&"'`. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** A coordinate with at most two decimals: enough for a screen and keeps files small and stable. */
export function svgNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

export type AttributeValue = string | number | undefined;

/** ` name="value"` pairs in the given order; undefined values are left out. */
export function svgAttributes(attributes: Readonly<Record<string, AttributeValue>>): string {
  let text = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    text += ` ${name}="${typeof value === "number" ? svgNumber(value) : escapeXml(value)}"`;
  }
  return text;
}

const RGBA = /^rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*([\d.]+)\s*\)$/;

/** A CSS colour as SVG paint plus opacity: `rgba()` is not SVG 1.1, and some editors drop it. */
export function svgPaint(colour: string): { colour: string; opacity?: number } {
  const match = RGBA.exec(colour.trim());
  if (!match) return { colour };
  const [, red, green, blue, alpha] = match;
  const hex = [red, green, blue].map((part) => Math.min(255, Number(part)).toString(16).padStart(2, "0")).join("");
  return { colour: `#${hex}`, opacity: Number(alpha) };
}

/** Wraps children in a `<g>`; nothing at all when there are none, so empty layers leave no trace. */
export function svgGroup(attributes: Readonly<Record<string, AttributeValue>>, children: readonly string[]): string[] {
  return children.length === 0 ? [] : [`<g${svgAttributes(attributes)}>`, ...children, "</g>"];
}
