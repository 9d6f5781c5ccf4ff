import { labelsKey, METRIC_NAME, normalizeLabels, type Label, type Labels } from "../../model/labels";
import type { BinaryExpr, VectorMatching } from "../ast";
import { PromQLError } from "../values";
import { applyBinary, isComparison, type ArithmeticOp, type ComparisonOp } from "./arith";
import { groupIndices, matchLabels, signatureKey } from "./signatures";
import type { StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

const ONE_TO_ONE: VectorMatching = { card: "one-to-one", matchingLabels: [], on: false, include: [] };

/** The state of one vector-vector operation; series pairs are matched once, values per step. */
interface Matcher {
  op: ArithmeticOp | ComparisonOp;
  matching: VectorMatching;
  returnBool: boolean;
  swapped: boolean;
  steps: number;
  outputs: Map<string, StepSeries>;
  element: { value: number; keep: boolean };
}

/** Arithmetic and comparison between two instant vectors with on/ignoring, group_left/right and fill. */
export function evalVectorBinary(expr: BinaryExpr, lhs: VectorValue, rhs: VectorValue, steps: number): VectorValue {
  const matching = expr.matching ?? ONE_TO_ONE;
  const swapped = matching.card === "one-to-many";
  const many = swapped ? rhs.series : lhs.series;
  const one = swapped ? lhs.series : rhs.series;
  const m: Matcher = {
    op: expr.op as ArithmeticOp | ComparisonOp,
    matching, returnBool: expr.returnBool, swapped, steps,
    outputs: new Map(), element: { value: 0, keep: false },
  };
  const names = new Set(matching.matchingLabels);
  const manyGroups = groupIndices(many.map((s) => signatureKey(s.labels, names, matching.on)));
  const oneGroups = groupIndices(one.map((s) => signatureKey(s.labels, names, matching.on)));
  // Prometheus swaps the operands of group_right but not the fill values: fill_left fills the many side.
  const fillOne = matching.fillRight;
  const fillMany = matching.fillLeft;
  // Like Prometheus, the one side must be unique per signature even where nothing on the many side matches,
  // but a step where either side is empty matches nothing and so checks nothing.
  const bothSides = presenceOf(many, steps);
  const oneSide = presenceOf(one, steps);
  for (let i = 0; i < steps; i++) bothSides[i]! &= oneSide[i]!;
  for (const oneIdx of oneGroups.values()) checkUniqueOneSide(m, oneIdx.map((i) => one[i]!), names, bothSides);
  for (const [sig, manyIdx] of manyGroups) {
    const oneSeries = (oneGroups.get(sig) ?? []).map((i) => one[i]!);
    matchGroup(m, manyIdx.map((i) => many[i]!), oneSeries, fillOne, names);
  }
  if (fillMany !== undefined) {
    for (const [sig, oneIdx] of oneGroups) {
      const manySeries = (manyGroups.get(sig) ?? []).map((i) => many[i]!);
      fillMissingMany(m, manySeries, oneIdx.map((i) => one[i]!), fillMany, names);
    }
  }
  return { type: "vector", series: [...m.outputs.values()] };
}

function formatBraced(labels: Labels): string {
  return `{${labels.map((l) => `${l.name}=${JSON.stringify(l.value)}`).join(", ")}}`;
}

function checkUniqueOneSide(m: Matcher, oneSeries: StepSeries[], names: Set<string>, bothSides: Uint8Array): void {
  if (oneSeries.length < 2) return;
  for (let i = 0; i < m.steps; i++) {
    if (!bothSides[i]) continue;
    const present = oneSeries.filter((s) => s.present[i]);
    if (present.length < 2) continue;
    const group = formatBraced(matchLabels(present[0]!.labels, names, m.matching.on));
    const side = m.swapped ? "left" : "right";
    throw new PromQLError(
      "execution",
      `found duplicate series for the match group ${group} on the ${side} hand-side of the operation: ` +
        `[${formatBraced(present[0]!.labels)}, ${formatBraced(present[1]!.labels)}];` +
        "many-to-many matching not allowed: matching labels must be unique on one side",
    );
  }
}

function presenceOf(series: StepSeries[], steps: number): Uint8Array {
  const any = new Uint8Array(steps);
  for (const s of series) for (let i = 0; i < steps; i++) any[i]! |= s.present[i]!;
  return any;
}

function matchGroup(m: Matcher, manySeries: StepSeries[], oneSeries: StepSeries[], fillOne: number | undefined, names: Set<string>): void {
  const kept = m.matching.card === "one-to-one" && manySeries.length > 1 ? new Uint8Array(m.steps) : undefined;
  for (const ms of manySeries) {
    for (const os of oneSeries) emitPair(m, ms, os.labels, os, kept);
    if (fillOne === undefined) continue;
    const filled = constantSeries(fillOne, invert(presenceOf(oneSeries, m.steps)));
    emitPair(m, ms, matchLabels(ms.labels, names, m.matching.on), filled, kept);
  }
}

function fillMissingMany(m: Matcher, manySeries: StepSeries[], oneSeries: StepSeries[], fill: number, names: Set<string>): void {
  const missing = invert(presenceOf(manySeries, m.steps));
  for (const os of oneSeries) {
    const filled = { ...constantSeries(fill, missing), labels: matchLabels(os.labels, names, m.matching.on) };
    emitPair(m, filled, os.labels, os, undefined);
  }
}

function invert(presence: Uint8Array): Uint8Array {
  const out = new Uint8Array(presence.length);
  for (let i = 0; i < presence.length; i++) out[i] = presence[i] ? 0 : 1;
  return out;
}

function constantSeries(value: number, present: Uint8Array): StepSeries {
  return { labels: [], values: new Float64Array(present.length).fill(value), present, dropName: false };
}

function resultLabels(m: Matcher, manyLabels: Labels, oneLabels: Labels): Labels {
  // Between two vectors Prometheus drops the name of an arithmetic result at once, not at the end.
  let labels: Label[] = isComparison(m.op) ? [...manyLabels] : manyLabels.filter((l) => l.name !== METRIC_NAME);
  const names = new Set(m.matching.matchingLabels);
  if (m.matching.card === "one-to-one") {
    labels = labels.filter((l) => names.has(l.name) === m.matching.on);
  }
  if (m.matching.include.length === 0) return labels;
  const include = new Set(m.matching.include);
  labels = labels.filter((l) => !include.has(l.name));
  for (const l of oneLabels) if (include.has(l.name)) labels.push(l);
  return normalizeLabels(labels);
}

/** Writes the pair's values for every step where both sides have a sample. */
function emitPair(m: Matcher, ms: StepSeries, oneLabels: Labels, os: StepSeries, kept: Uint8Array | undefined): void {
  const labels = resultLabels(m, ms.labels, oneLabels);
  // Prometheus does not carry a pending name drop through a vector comparison: the result keeps the name.
  const dropName = !isComparison(m.op) || m.returnBool;
  let out: StepSeries | undefined;
  const el = m.element;
  for (let i = 0; i < m.steps; i++) {
    if (!ms.present[i] || !os.present[i]) continue;
    const a = ms.values[i]!;
    const b = os.values[i]!;
    // Many-to-one without group_left is an error even where a comparison would filter the samples out.
    if (kept) {
      if (kept[i]) throw new PromQLError("execution", "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
      kept[i] = 1;
    }
    if (m.swapped) applyBinary(m.op, b, a, el);
    else applyBinary(m.op, a, b, el);
    if (m.returnBool) el.value = el.keep ? 1 : 0;
    else if (!el.keep) continue;
    out ??= outputFor(m, labels, dropName);
    if (out.present[i]) {
      throw new PromQLError("execution", m.matching.card === "one-to-one"
        ? "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)"
        : "multiple matches for labels: grouping labels must ensure unique matches");
    }
    out.values[i] = el.value;
    out.present[i] = 1;
  }
}

function outputFor(m: Matcher, labels: Labels, dropName: boolean): StepSeries {
  const key = labelsKey(labels);
  let out = m.outputs.get(key);
  if (!out) {
    out = newStepSeries(labels, m.steps, dropName);
    m.outputs.set(key, out);
  }
  return out;
}
