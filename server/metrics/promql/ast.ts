import type { LabelMatcher } from "../storage";

/** The four PromQL value types, named as the HTTP API names them. */
export type ValueType = "scalar" | "vector" | "matrix" | "string";

/** Character offsets into the query text, [start, end). */
export interface PositionRange {
  start: number;
  end: number;
}

/**
 * A duration written in a range, subquery or offset: a literal, or (Prometheus 3 duration
 * expressions) arithmetic over literals, step(), range(), min() and max(); resolved per query.
 */
export type DurationExpr =
  /** `unitless`: written as a plain number of seconds (`[1800]`, `2m * 15`), which formatting keeps. */
  | { kind: "durationLiteral"; ms: number; pos: PositionRange; unitless?: boolean }
  | { kind: "durationBinary"; op: "+" | "-" | "*" | "/" | "%" | "^"; lhs: DurationExpr; rhs: DurationExpr; pos: PositionRange }
  | { kind: "durationUnary"; op: "-" | "+"; expr: DurationExpr; pos: PositionRange }
  | { kind: "durationStep"; pos: PositionRange }
  | { kind: "durationRange"; pos: PositionRange }
  | { kind: "durationMinMax"; fn: "min" | "max"; args: [DurationExpr, DurationExpr]; pos: PositionRange };

/** `@ <timestamp>`, `@ start()` or `@ end()`; a literal timestamp is in ms. */
export type AtModifier = { kind: "timestamp"; ms: number } | { kind: "start" } | { kind: "end" };

export interface NumberLiteral {
  kind: "number";
  value: number;
  pos: PositionRange;
  /** Written with a time unit (`5m` is 300), so formatting prints it back as a duration. */
  duration?: boolean;
}

export interface StringLiteral {
  kind: "string";
  value: string;
  pos: PositionRange;
}

export interface VectorSelector {
  kind: "vectorSelector";
  /** The metric name as written before the braces, or "" when only matchers are given. */
  name: string;
  /** All matchers, including `__name__="name"` when a name was written. */
  matchers: LabelMatcher[];
  offset?: DurationExpr;
  at?: AtModifier;
  /** Prometheus 3.x experimental `anchored` / `smoothed` range modifiers, on the selector they wrap. */
  anchored?: boolean;
  smoothed?: boolean;
  pos: PositionRange;
}

export interface MatrixSelector {
  kind: "matrixSelector";
  selector: VectorSelector;
  range: DurationExpr;
  pos: PositionRange;
}

export interface SubqueryExpr {
  kind: "subquery";
  expr: Expr;
  range: DurationExpr;
  /** Absent: the global evaluation interval (the query's step, or 1m by default) applies. */
  step?: DurationExpr;
  offset?: DurationExpr;
  at?: AtModifier;
  pos: PositionRange;
}

export interface Call {
  kind: "call";
  /** Function name as in Prometheus, e.g. "rate", "label_replace". */
  func: string;
  args: Expr[];
  pos: PositionRange;
}

export type AggregateOp =
  | "sum" | "avg" | "count" | "min" | "max" | "group" | "stddev" | "stdvar"
  | "topk" | "bottomk" | "quantile" | "count_values" | "limitk" | "limit_ratio";

export interface AggregateExpr {
  kind: "aggregate";
  op: AggregateOp;
  expr: Expr;
  /** The parameter of topk, bottomk, quantile, count_values, limitk and limit_ratio. */
  param?: Expr;
  /** Labels of `by (...)` or `without (...)`; empty with `by ()` or no clause. */
  grouping: string[];
  without: boolean;
  pos: PositionRange;
}

export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%" | "^" | "atan2"
  | "==" | "!=" | ">" | "<" | ">=" | "<="
  | "and" | "or" | "unless"
  /** Native-histogram trim operators (Prometheus 3.x, experimental): drop observations above / below a value. */
  | "</" | ">/";

/** Vector matching of a binary operator between two instant vectors. */
export interface VectorMatching {
  card: "one-to-one" | "many-to-one" | "one-to-many" | "many-to-many";
  /** Labels of on(...) or ignoring(...). */
  matchingLabels: string[];
  /** True for on(...), false for ignoring(...) or no clause. */
  on: boolean;
  /** Labels copied from the "one" side by group_left(...) / group_right(...). */
  include: string[];
  /** Prometheus 3.x fill modifiers: a value for a side's missing series (NaN-free numbers only). */
  fillLeft?: number;
  fillRight?: number;
}

export interface BinaryExpr {
  kind: "binary";
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
  /** `bool` modifier on a comparison. */
  returnBool: boolean;
  /** Set when both sides are instant vectors (or for set operators, always many-to-many). */
  matching?: VectorMatching;
  pos: PositionRange;
}

export interface UnaryExpr {
  kind: "unary";
  op: "-" | "+";
  expr: Expr;
  pos: PositionRange;
}

export interface ParenExpr {
  kind: "paren";
  expr: Expr;
  pos: PositionRange;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | VectorSelector
  | MatrixSelector
  | SubqueryExpr
  | Call
  | AggregateExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr;
