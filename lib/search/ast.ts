// The parsed form of a search: what parse.ts produces and match.ts evaluates.
import type { TopologyKind, TopologyStatus } from "@/lib/wire/topology";

export type Comparison = "<" | "<=" | "=" | ">=" | ">";

/** Metrics a comparison can test; values are in base units (millicores, bytes, a count). */
export type MetricName = "cpu" | "memory" | "restarts";

/** Fields a `field:value` term can name; `label` has its own term type. */
export type FieldName = "namespace" | "kind" | "node" | "status" | "label" | "image" | "name";

/** How a value is compared with a node's text: equals and contains ignore case, a regex follows its own flags. */
export type ValueMatcher =
  | { mode: "equals"; value: string }
  | { mode: "contains"; value: string }
  | { mode: "regex"; regex: RegExp };

/** Where a term sits in the query text (0-based offsets, end exclusive), for highlighting. */
export interface TermSpan {
  start: number;
  end: number;
}

interface TermBase {
  /** True for `-term` and `!term`: the node must not match the rest of the term. */
  negated: boolean;
  span: TermSpan;
}

/** Free text or `/regex/`: tested against name, namespace, label keys/values and annotation keys/values. */
export interface TextTerm extends TermBase {
  type: "text";
  matcher: Extract<ValueMatcher, { mode: "contains" | "regex" }>;
}

export interface FieldTerm extends TermBase {
  type: "field";
  field: Exclude<FieldName, "label" | "kind" | "status">;
  matcher: ValueMatcher;
}

export interface KindTerm extends TermBase {
  type: "kind";
  kind: TopologyKind;
}

export interface StatusTerm extends TermBase {
  type: "status";
  status: TopologyStatus;
}

/** `label:key=value`, or `label:key` (value undefined) for presence. */
export interface LabelTerm extends TermBase {
  type: "label";
  key: string;
  value?: string;
}

export interface MetricTerm extends TermBase {
  type: "metric";
  metric: MetricName;
  comparison: Comparison;
  /** Millicores for cpu, bytes for memory, a count for restarts. */
  value: number;
}

export type SearchTerm = TextTerm | FieldTerm | KindTerm | StatusTerm | LabelTerm | MetricTerm;

/** A whole query: its terms AND together; no terms matches every node. */
export interface SearchQuery {
  text: string;
  terms: SearchTerm[];
}

export interface SearchError {
  /** 0-based offset into the query text where the problem starts. */
  position: number;
  /** How many characters the problem spans (at least 1), so the UI can underline it. */
  length: number;
  /** What was wrong and what was expected, with the 1-based "line:column". */
  message: string;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; error: SearchError };
