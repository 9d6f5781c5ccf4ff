/**
 * The structural RE2 errors Prometheus reports when it compiles a matcher's regex, in Go's words.
 * Full RE2 validation is the evaluator's compile step; this catches unbalanced groups and classes.
 */
export function regexSyntaxError(pattern: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
    } else if (ch === "[") {
      const end = classEnd(pattern, i);
      if (end < 0) return `error parsing regexp: missing closing ]: \`${pattern.slice(i)}\``;
      i = end;
    } else if (ch === "(") {
      depth++;
    } else if (ch === ")" && --depth < 0) {
      return `error parsing regexp: unexpected ): \`${pattern}\``;
    }
  }
  return depth > 0 ? `error parsing regexp: missing closing ): \`${pattern}\`` : undefined;
}

/** Index of the `]` closing the class opened at `start`, or -1; `[]a]` and `[^]a]` hold a literal `]`. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  for (; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "[" && pattern[i + 1] === ":") i = Math.max(i, pattern.indexOf(":]", i + 2) + 1);
    else if (ch === "]") return i;
  }
  return -1;
}
