import type { Labels } from "@/server/metrics/model/labels";
import type { Millis } from "@/server/metrics/model/sample";
import type { SequenceValue } from "./seriesLine";

/** One series of a `load` block; `line` is 1-based in the script file. */
export interface LoadedSeries {
  labels: Labels;
  values: SequenceValue[];
  line: number;
  /** Offsets of each point's start timestamp from its own time (ms; null where omitted), from an `@st` line. */
  startOffsets?: (number | null)[];
}

export interface LoadCommand {
  kind: "load";
  line: number;
  intervalMs: Millis;
  /** `load_with_nhcb`: classic histogram series are also loaded as native histograms with custom buckets. */
  withNhcb: boolean;
  series: LoadedSeries[];
}

export interface ClearCommand {
  kind: "clear";
  line: number;
}

/** An `expect <type>` line: exact message, regex, or (neither) anything of that type. */
export interface Expectation {
  message?: string;
  regex?: RegExp;
}

export type ExpectType = "fail" | "ordered" | "warn" | "no_warn" | "info" | "no_info";

/** One expected series of an eval, with its 1-based position among the expected series (for `ordered`). */
export interface ExpectedSeries {
  labels: Labels;
  values: SequenceValue[];
  position: number;
  line: number;
}

export interface TimeRange {
  start: Millis;
  end: Millis;
  step: Millis;
}

export interface EvalCommand {
  kind: "eval";
  line: number;
  query: string;
  /** Set for `eval instant at T`; `range` is set instead for `eval range`. */
  instantAt?: Millis;
  range?: TimeRange;
  /** `expect range vector from … to … step …`: the instant query returns a matrix on these timestamps. */
  rangeVector?: TimeRange;
  expectedString?: string;
  /** A bare number line: the query returns this scalar. */
  expectedScalar?: SequenceValue;
  expectedSeries: ExpectedSeries[];
  expectations: Record<ExpectType, Expectation[]>;
  /** The deprecated eval_fail / eval_warn / eval_info / eval_ordered forms and expected_fail_message/regexp. */
  legacy: { fail: boolean; warn: boolean; info: boolean; ordered: boolean; failMessage?: string; failRegexp?: RegExp };
  /** Why the eval block could not be read; the case then fails with this reason. */
  parseError?: string;
}

export type ScriptCommand = LoadCommand | ClearCommand | EvalCommand;

export interface ParsedScript {
  commands: ScriptCommand[];
  /** Lines that are no command at all (or a load block that could not be read). */
  errors: { line: number; message: string }[];
}
