import { labelsKey, labelValue, METRIC_NAME, normalizeLabels, type Label, type Labels } from "../../model/labels";
import type { LabelMatcher } from "../../storage";
import type { Call, Expr, VectorSelector } from "../ast";
import { PromQLError } from "../values";
import { resolveAt, resolveDuration } from "./durations";
import { compileAnchored } from "./regex";
import { selectAtTimes } from "./selectors";
import type { EvalContext, StepSeries, VectorValue } from "./types";
import { newStepSeries, stepTime } from "./types";

const IDENTIFYING = ["instance", "job"];
const DEFAULT_INFO: LabelMatcher = { type: "=", name: METRIC_NAME, value: "target_info" };
/** Without a positive name matcher, only metrics named like info metrics are info series. */
const ANY_INFO: LabelMatcher = { type: "=~", name: METRIC_NAME, value: ".+_info" };

function matcherAccepts(m: LabelMatcher, value: string): boolean {
  switch (m.type) {
    case "=": return value === m.value;
    case "!=": return value !== m.value;
    case "=~": return compileAnchored(m.value)?.test(value) ?? false;
    case "!~": return !(compileAnchored(m.value)?.test(value) ?? false);
  }
}

/** Maps an evaluation time to the time the expression's samples were read at (its first selector's `@` and offset). */
function readTime(expr: Expr, ctx: EvalContext, t: number): number {
  switch (expr.kind) {
    case "vectorSelector":
      return (resolveAt(expr.at, ctx) ?? t) - (expr.offset ? resolveDuration(expr.offset, ctx) : 0);
    case "matrixSelector":
      return readTime(expr.selector, ctx, t);
    case "subquery":
      return readTime(expr.expr, ctx, (resolveAt(expr.at, ctx) ?? t) - (expr.offset ? resolveDuration(expr.offset, ctx) : 0));
    case "paren": case "unary": return readTime(expr.expr, ctx, t);
    case "aggregate": return readTime(expr.expr, ctx, t);
    case "binary": return readTime(expr.lhs, ctx, t);
    case "call": {
      const arg = expr.args.find((a) => a.kind !== "number" && a.kind !== "string");
      return arg ? readTime(arg, ctx, t) : t;
    }
    default: return t;
  }
}

interface InfoSpec {
  nameMatchers: LabelMatcher[];
  dataMatchers: LabelMatcher[];
}

function infoSpec(call: Call): InfoSpec {
  const selector = call.args[1];
  if (selector === undefined) return { nameMatchers: [DEFAULT_INFO], dataMatchers: [] };
  if (selector.kind !== "vectorSelector") throw new PromQLError("bad_data", "expected label selectors as the second argument of info()", selector.pos);
  const nameMatchers = selector.matchers.filter((m) => m.name === METRIC_NAME);
  const dataMatchers = selector.matchers.filter((m) => m.name !== METRIC_NAME);
  if (nameMatchers.length === 0) return { nameMatchers: [DEFAULT_INFO], dataMatchers };
  const positive = nameMatchers.some((m) => m.type === "=" || m.type === "=~");
  return { nameMatchers: positive ? nameMatchers : [ANY_INFO, ...nameMatchers], dataMatchers };
}

/** info(v, {selector}): adds the data labels of the info series (target_info by default) that share instance and job. */
export function evalInfo(call: Call, base: VectorValue, ctx: EvalContext): VectorValue {
  const spec = infoSpec(call);
  const steps = ctx.grid.count;
  const refs = new Float64Array(steps);
  for (let i = 0; i < steps; i++) refs[i] = readTime(call.args[0]!, ctx, stepTime(ctx.grid, i));
  const infoSelector: VectorSelector = { kind: "vectorSelector", name: "", matchers: [...spec.nameMatchers, ...spec.dataMatchers], pos: call.pos };
  const infos = selectAtTimes(infoSelector, ctx, refs, true).series;
  const byIdentity = new Map<string, StepSeries[]>();
  for (const s of infos) {
    const key = identityKey(s.labels);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), s]);
  }
  const dropWhenMissing = spec.dataMatchers.some((m) => !matcherAccepts(m, ""));
  const outputs = new Map<string, StepSeries>();
  for (const s of base.series) {
    if (isInfoSeries(s.labels, spec)) {
      addSteps(outputs, s.labels, s, steps, () => true);
      continue;
    }
    const candidates = byIdentity.get(identityKey(s.labels)) ?? [];
    for (let i = 0; i < steps; i++) {
      if (!s.present[i]) continue;
      const extra = dataLabelsAt(candidates, i, spec, s.labels);
      if (extra === undefined && dropWhenMissing) continue;
      const labels = extra ? normalizeLabels([...s.labels, ...extra]) : s.labels;
      addSteps(outputs, labels, s, steps, (k) => k === i);
    }
  }
  return { type: "vector", series: [...outputs.values()] };
}

/** Info series in the base pass through: a positive name matcher and every name matcher accept them. */
function isInfoSeries(labels: Labels, spec: InfoSpec): boolean {
  const name = labelValue(labels, METRIC_NAME);
  const positive = spec.nameMatchers.some((m) => m.type === "=" || m.type === "=~");
  return positive && spec.nameMatchers.every((m) => matcherAccepts(m, name));
}

function identityKey(labels: Labels): string {
  return IDENTIFYING.map((name) => `${name}\xff${labelValue(labels, name)}`).join("\xfe");
}

/** Data labels of the newest info series per metric name at step i, minus labels the base already has. */
function dataLabelsAt(candidates: StepSeries[], i: number, spec: InfoSpec, base: Labels): Label[] | undefined {
  const newest = new Map<string, StepSeries>();
  for (const c of candidates) {
    if (!c.present[i]) continue;
    const name = labelValue(c.labels, METRIC_NAME);
    const seen = newest.get(name);
    if (!seen || c.values[i]! > seen.values[i]!) newest.set(name, c);
  }
  if (newest.size === 0) return undefined;
  const wanted = spec.dataMatchers.length ? new Set(spec.dataMatchers.map((m) => m.name)) : undefined;
  const extra: Label[] = [];
  for (const info of newest.values()) {
    for (const l of info.labels) {
      if (l.name === METRIC_NAME || IDENTIFYING.includes(l.name) && !wanted) continue;
      if (wanted && !wanted.has(l.name)) continue;
      if (labelValue(base, l.name) !== "") continue;
      const earlier = extra.find((e) => e.name === l.name);
      if (earlier && earlier.value !== l.value) throw new PromQLError("execution", `conflicting label: ${l.name}`);
      if (!earlier) extra.push(l);
    }
  }
  return extra;
}

function addSteps(outputs: Map<string, StepSeries>, labels: Labels, s: StepSeries, steps: number, include: (i: number) => boolean): void {
  const key = labelsKey(labels);
  let out = outputs.get(key);
  if (!out) outputs.set(key, (out = newStepSeries(labels, steps, s.dropName)));
  for (let i = 0; i < steps; i++) {
    if (!s.present[i] || !include(i)) continue;
    if (out.present[i]) throw new PromQLError("execution", "vector cannot contain metrics with the same labelset");
    out.values[i] = s.values[i]!;
    out.present[i] = 1;
  }
}
