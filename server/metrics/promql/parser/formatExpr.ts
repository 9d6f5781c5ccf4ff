import type { AggregateExpr, BinaryExpr, Expr, MatrixSelector, VectorMatching, VectorSelector } from "../ast";
import type { LabelMatcher } from "../../storage";
import { formatAt, formatDurationExpr, formatOffset, formatRange } from "./formatDurationExpr";
import { formatDuration, formatFloat } from "./literals";
import { goQuote } from "./strings";

const LEGACY_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The canonical text of an expression, as Prometheus's String() prints it (the format_query API). */
export function formatExpr(expr: Expr): string {
  switch (expr.kind) {
    case "number":
      return formatNumber(expr.value, expr.duration === true);
    case "string":
      return goQuote(expr.value);
    case "vectorSelector":
      return formatSelector(expr) + formatAt(expr.at) + rangeMode(expr) + formatOffset(expr.offset);
    case "matrixSelector":
      return formatMatrix(expr);
    case "subquery": {
      const step = expr.step ? formatRange(expr.step) : "";
      return `${formatExpr(expr.expr)}[${formatRange(expr.range)}:${step}]${formatAt(expr.at)}${formatOffset(expr.offset)}`;
    }
    case "call":
      return `${expr.func}(${expr.args.map(formatExpr).join(", ")})`;
    case "aggregate":
      return formatAggregate(expr);
    case "binary":
      return formatBinary(expr);
    case "unary":
      return expr.op + formatExpr(expr.expr);
    case "paren":
      return `(${formatExpr(expr.expr)})`;
  }
}

function formatNumber(value: number, duration: boolean): string {
  if (!duration || !Number.isFinite(value)) return formatFloat(value);
  const ms = Math.round(value * 1000);
  return ms < 0 ? `-${formatDuration(-ms)}` : formatDuration(ms);
}

function rangeMode(selector: VectorSelector): string {
  if (selector.anchored) return " anchored";
  return selector.smoothed ? " smoothed" : "";
}

function formatMatrix(expr: MatrixSelector): string {
  const selector = expr.selector;
  return `${formatSelector(selector)}[${formatRange(expr.range)}]${rangeMode(selector)}${formatAt(selector.at)}${formatOffset(selector.offset)}`;
}

/** `name{a="b",c=~"d"}`: matchers sorted as text, the name's own matcher left out. */
function formatSelector(selector: VectorSelector): string {
  const name = selector.name;
  const shown = selector.matchers.filter((m) => !(m.name === "__name__" && m.type === "=" && m.value === name && name !== ""));
  const texts = shown.map(formatMatcher).sort(compareCodeUnits);
  return texts.length === 0 ? name : `${name}{${texts.join(",")}}`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatMatcher(matcher: LabelMatcher): string {
  return `${formatLabelName(matcher.name)}${matcher.type}${goQuote(matcher.value)}`;
}

function formatLabelName(name: string): string {
  return LEGACY_LABEL.test(name) ? name : goQuote(name);
}

function formatLabels(labels: string[]): string {
  return labels.map(formatLabelName).join(", ");
}

function formatAggregate(expr: AggregateExpr): string {
  let head: string = expr.op;
  if (expr.without) head += ` without (${formatLabels(expr.grouping)}) `;
  else if (expr.grouping.length > 0) head += ` by (${formatLabels(expr.grouping)}) `;
  const param = expr.param ? `${formatExpr(expr.param)}, ` : "";
  return `${head}(${param}${formatExpr(expr.expr)})`;
}

function formatBinary(expr: BinaryExpr): string {
  const bool = expr.returnBool ? " bool" : "";
  return `${formatExpr(expr.lhs)} ${expr.op}${bool}${formatMatching(expr.matching)} ${formatExpr(expr.rhs)}`;
}

function formatMatching(matching: VectorMatching | undefined): string {
  if (!matching) return "";
  const grouped = matching.card === "many-to-one" || matching.card === "one-to-many";
  let out = "";
  if (matching.matchingLabels.length > 0 || matching.on || grouped) {
    out += ` ${matching.on ? "on" : "ignoring"} (${formatLabels(matching.matchingLabels)})`;
  }
  if (grouped) out += ` group_${matching.card === "many-to-one" ? "left" : "right"} (${formatLabels(matching.include)})`;
  return out + formatFill(matching);
}

function formatFill(matching: VectorMatching): string {
  const { fillLeft, fillRight } = matching;
  if (fillLeft !== undefined && fillRight !== undefined && Object.is(fillLeft, fillRight)) return ` fill (${goFloat(fillLeft)})`;
  let out = "";
  if (fillLeft !== undefined) out += ` fill_left (${goFloat(fillLeft)})`;
  if (fillRight !== undefined) out += ` fill_right (${goFloat(fillRight)})`;
  return out;
}

/** Go's %v for a float64: shortest digits, exponent form from 1e6 up and below 1e-4. */
export function goFloat(value: number): string {
  if (!Number.isFinite(value)) return formatFloat(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) {
    return value.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  }
  return formatFloat(value);
}

export { formatDurationExpr };
