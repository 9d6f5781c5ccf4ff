import { labelsKey } from "../../model/labels";
import type { AggregateExpr } from "../ast";
import { PromQLError } from "../values";
import { formatGoFloat } from "./format";
import { groupSeries } from "./grouping";
import { allocFlags } from "./slab";
import type { EvalContext, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

type Better = (a: number, b: number) => boolean;

/** topk treats NaN as the smallest value, bottomk as the largest. */
const higher: Better = (a, b) => a > b || (Number.isNaN(b) && !Number.isNaN(a));
const lower: Better = (a, b) => a < b || (Number.isNaN(b) && !Number.isNaN(a));

/** topk, bottomk, limitk and limit_ratio: series of the input kept whole, per step and group. */
export function evalSelectK(expr: AggregateExpr, input: VectorValue, param: Float64Array, ctx: EvalContext): VectorValue {
  const steps = ctx.grid.count;
  const grouping = groupSeries(expr, input.series);
  const chosen = input.series.map(() => allocFlags(steps));
  const instantOrder: number[] = [];
  const pick = pickerFor(expr, input, param, ctx);
  for (const members of grouping.members) {
    for (let i = 0; i < steps; i++) {
      const picked = pick(members, i);
      for (const m of picked) chosen[m]![i] = 1;
      if (steps === 1) instantOrder.push(...picked);
    }
  }
  const order = steps === 1 ? instantOrder : input.series.map((_, idx) => idx);
  const out: StepSeries[] = [];
  for (const idx of order) {
    const s = input.series[idx]!;
    const r = newStepSeries(s.labels, steps, s.dropName);
    let any = false;
    for (let i = 0; i < steps; i++) {
      if (!chosen[idx]![i]) continue;
      r.values[i] = s.values[i]!;
      r.present[i] = 1;
      any = true;
    }
    if (any) out.push(r);
  }
  return { type: "vector", series: out };
}

/** Chooses among a group's members the ones kept at one step; members without a sample there are skipped. */
type Picker = (members: number[], step: number) => number[];

function pickerFor(expr: AggregateExpr, input: VectorValue, param: Float64Array, ctx: EvalContext): Picker {
  if (expr.op === "limit_ratio") {
    const ratios = validRatios(expr, param, ctx);
    const offsets = input.series.map((s) => hashOffset(labelsKey(s.labels)));
    return (members, i) => members.filter((m) => input.series[m]!.present[i] && ratioKeeps(ratios[i]!, offsets[m]!));
  }
  const ks = validCounts(param);
  if (expr.op === "limitk") return (members, i) => firstK(members, ks[i]!, (m) => input.series[m]!.present[i] === 1);
  const better = expr.op === "topk" ? higher : lower;
  return (members, i) => bestK(members, ks[i]!, i, input, better);
}

function firstK(members: number[], k: number, present: (m: number) => boolean): number[] {
  const kept: number[] = [];
  for (const m of members) {
    if (kept.length >= k) break;
    if (present(m)) kept.push(m);
  }
  return kept;
}

/** The k best members at step i, best first; ties keep the member seen first. */
function bestK(members: number[], k: number, i: number, input: VectorValue, better: Better): number[] {
  if (k < 1) return [];
  const kept: number[] = [];
  const valueOf = (m: number) => input.series[m]!.values[i]!;
  for (const m of members) {
    if (!input.series[m]!.present[i]) continue;
    const v = valueOf(m);
    if (kept.length === k && !better(v, valueOf(kept[kept.length - 1]!))) continue;
    let pos = kept.length;
    while (pos > 0 && better(v, valueOf(kept[pos - 1]!))) pos--;
    kept.splice(pos, 0, m);
    if (kept.length > k) kept.pop();
  }
  return kept;
}

function validCounts(param: Float64Array): Float64Array {
  const ks = new Float64Array(param.length);
  for (let i = 0; i < param.length; i++) {
    const p = param[i]!;
    if (Number.isNaN(p)) throw new PromQLError("execution", "Parameter value is NaN");
    if (p >= 2 ** 63 || p < -(2 ** 63)) throw new PromQLError("execution", `Scalar value ${formatGoFloat(p)} overflows int64`);
    ks[i] = Math.trunc(p);
  }
  return ks;
}

function validRatios(expr: AggregateExpr, param: Float64Array, ctx: EvalContext): Float64Array {
  const ratios = new Float64Array(param.length);
  for (let i = 0; i < param.length; i++) {
    let r = param[i]!;
    if (Number.isNaN(r)) throw new PromQLError("execution", "Ratio value is NaN");
    if (r < -1 || r > 1) {
      const capped = r < -1 ? -1 : 1;
      ctx.annotations.warn(`ratio value should be between -1 and 1, got ${formatGoFloat(r)}, capping to ${capped}`, expr.param!.pos);
      r = capped;
    }
    ratios[i] = r;
  }
  return ratios;
}

/** A series' fixed place in [0, 1): a positive ratio keeps the low end, a negative one the complementary high end. */
function ratioKeeps(ratio: number, offset: number): boolean {
  return (ratio >= 0 && offset < ratio) || (ratio < 0 && offset >= 1 + ratio);
}

function hashOffset(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return ((h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) & 0x1fffff)) / 2 ** 53;
}
