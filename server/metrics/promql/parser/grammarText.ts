/**
 * Length-preserving rewrites of a query for the lezer grammar where it is narrower than Prometheus's
 * own parser. Node positions stay valid for the original text, which is what the walk reads.
 */

const STRING_OR_COMMENT = /"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`[^`]*`?|#[^\n]*/g;

function rewriteOutsideStrings(query: string, rewrite: (code: string) => string): string {
  let out = "";
  let last = 0;
  for (const match of query.matchAll(STRING_OR_COMMENT)) {
    out += rewrite(query.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + rewrite(query.slice(last));
}

/** `2.` and `1./6.` are numbers to Prometheus; the grammar wants a digit after the point. */
function spaceTrailingPoints(code: string): string {
  return code.replace(/(^|[^\w.:])(\d+)\.(?![\d\w.])/g, (_all, before: string, digits: string) => `${before}${digits} `);
}

/** Prometheus reads the duration functions in any case (`STEP()`); the grammar only in lower case. */
function lowerDurationFunctions(code: string): string {
  return code.replace(/\b(step|range|min_of|max_of)(?=\s*\()/gi, (name) => name.toLowerCase());
}

export function grammarText(query: string): string {
  return rewriteOutsideStrings(query, (code) => lowerDurationFunctions(spaceTrailingPoints(code)));
}

/**
 * min_of / max_of are also scalar functions outside durations, which the grammar does not know:
 * spell them as same-length function names it does know; the walk reads the real name from the query.
 */
export function grammarTextWithMinMaxFunctions(text: string): string | undefined {
  if (!/\b(min_of|max_of)\s*\(/.test(text)) return undefined;
  return rewriteOutsideStrings(text, (code) => code.replace(/\bmin_of(?=\s*\()/g, "minute").replace(/\bmax_of(?=\s*\()/g, "minute"));
}

/**
 * `offset` is also a metric name to Prometheus (`offset{step="1s"}`), but always a keyword to the
 * grammar: one candidate text per occurrence, that one spelled as a same-length identifier.
 */
export function grammarTextsWithOffsetAsName(text: string): string[] {
  const masked = rewriteOutsideStrings(text, (code) => code.replace(/offset/gi, (word) => "\u0000".repeat(word.length)));
  const candidates: string[] = [];
  for (const match of masked.matchAll(/(?<![\w:])\u0000{6}(?![\w:])/g)) {
    candidates.push(text.slice(0, match.index) + "offse_" + text.slice(match.index + 6));
  }
  return candidates;
}
