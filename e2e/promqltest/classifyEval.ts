import type { EvalCommand } from "./scriptTypes";

export type CaseCategory = "float" | "native-histogram";

/** Functions that only do something with native histograms (histogram_quantile also reads classic buckets, so it is not here). */
const NATIVE_ONLY_FUNCTIONS = /\bhistogram_(count|sum|avg|fraction|stddev|stdvar)\s*\(/;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g;
const IDENTIFIER = /[a-zA-Z_:][a-zA-Z0-9_:]*/g;

/**
 * An eval is a native-histogram case when (1) it expects a histogram value, (2) it calls a histogram_* function that only
 * native histograms feed, (3) its query names (as a metric or as a string, e.g. `__name__="x"`) a metric loaded with
 * histogram samples, or (4) it has a selector without a metric name (`{job="a"}`, `{__name__=~"…"}`) while histogram
 * series are loaded. Everything else is a float case.
 */
export function classifyEval(command: EvalCommand, histogramMetrics: ReadonlySet<string>): CaseCategory {
  const expectsHistogram = command.expectedSeries.some((s) => s.values.some((v) => v.kind === "histogram")) || command.expectedScalar?.kind === "histogram";
  if (expectsHistogram || NATIVE_ONLY_FUNCTIONS.test(command.query)) return "native-histogram";
  if (histogramMetrics.size === 0) return "float";
  return touchesHistograms(command.query, histogramMetrics) ? "native-histogram" : "float";
}

function touchesHistograms(query: string, histogramMetrics: ReadonlySet<string>): boolean {
  const strings = [...query.matchAll(STRING_LITERAL)].map((m) => m[0].slice(1, -1));
  const bare = query.replace(STRING_LITERAL, '""');
  const names = [...(bare.match(IDENTIFIER) ?? []), ...strings];
  if (names.some((name) => histogramMetrics.has(name))) return true;
  return hasNamelessSelector(bare);
}

/** `{…}` not right after a metric name or a closing brace: a selector by labels only. */
function hasNamelessSelector(query: string): boolean {
  for (let i = query.indexOf("{"); i >= 0; i = query.indexOf("{", i + 1)) {
    const before = query.slice(0, i).trimEnd();
    if (!/[a-zA-Z0-9_:]$/.test(before)) return true;
  }
  return false;
}
