import type { Call, Expr } from "../ast";
import { PromQLError } from "../values";
import type { EvalContext, EvalValue, MatrixValue, VectorValue } from "./types";

export type Evaluate = (expr: Expr, ctx: EvalContext) => EvalValue;

/** Evaluates the arguments of one call, checking each one's type. */
export class CallArgs {
  constructor(
    readonly call: Call,
    readonly ctx: EvalContext,
    private readonly evaluate: Evaluate,
  ) {}

  get count(): number {
    return this.call.args.length;
  }

  expr(i: number): Expr {
    const e = this.call.args[i];
    if (!e) throw new PromQLError("bad_data", `missing argument ${i + 1} of ${this.call.func}`, this.call.pos);
    return e;
  }

  value(i: number): EvalValue {
    return this.evaluate(this.expr(i), this.ctx);
  }

  vector(i: number): VectorValue {
    const v = this.value(i);
    if (v.type !== "vector") throw this.typeError(i, "instant vector", v.type);
    return v;
  }

  matrix(i: number): MatrixValue {
    const v = this.value(i);
    if (v.type !== "matrix") throw this.typeError(i, "range vector", v.type);
    return v;
  }

  scalar(i: number): Float64Array {
    const v = this.value(i);
    if (v.type !== "scalar") throw this.typeError(i, "scalar", v.type);
    return v.values;
  }

  string(i: number): string {
    const v = this.value(i);
    if (v.type !== "string") throw this.typeError(i, "string", v.type);
    return v.value;
  }

  private typeError(i: number, want: string, got: string): PromQLError {
    const names: Record<string, string> = { vector: "instant vector", matrix: "range vector", scalar: "scalar", string: "string" };
    return new PromQLError(
      "bad_data",
      `expected type ${want} in call to function ${JSON.stringify(this.call.func)}, got ${names[got] ?? got}`,
      this.expr(i).pos,
    );
  }
}
