import type { LabelMatcher } from "../storage";
import { compileGoRegex } from "./goRegex";

type Predicate = (value: string) => boolean;

/** Turns a matcher into a test on one label value ("" for an absent label), with fast paths for common regexes. */
export function compileMatcher(m: LabelMatcher): Predicate {
  switch (m.type) {
    case "=":
      return (v) => v === m.value;
    case "!=":
      return (v) => v !== m.value;
    case "=~":
      return compileRegexPredicate(m.value);
    case "!~": {
      const matches = compileRegexPredicate(m.value);
      return (v) => !matches(v);
    }
  }
}

function compileRegexPredicate(pattern: string): Predicate {
  const fast = fastPath(pattern);
  if (fast) return fast;
  const regex = compileGoRegex(pattern);
  return (v) => regex.test(v);
}

/** Handles patterns that need no regex engine; any pattern it cannot read exactly falls through. */
function fastPath(pattern: string): Predicate | undefined {
  if (pattern === ".*") return () => true;
  if (pattern === ".+") return (v) => v.length > 0;
  const alternatives = splitLiteralAlternation(pattern);
  if (alternatives) {
    if (alternatives.length === 1) {
      const only = alternatives[0]!;
      return (v) => v === only;
    }
    const set = new Set(alternatives);
    return (v) => set.has(v);
  }
  return affixPath(pattern);
}

function affixPath(pattern: string): Predicate | undefined {
  const prefixed = pattern.endsWith(".*") ? readLiteral(pattern.slice(0, -2)) : undefined;
  const suffixed = pattern.startsWith(".*") ? readLiteral(pattern.slice(2)) : undefined;
  if (pattern.startsWith(".*") && pattern.endsWith(".*") && pattern.length >= 4) {
    const inner = readLiteral(pattern.slice(2, -2));
    if (inner !== undefined) return (v) => v.includes(inner);
  }
  if (prefixed !== undefined) return (v) => v.startsWith(prefixed);
  if (suffixed !== undefined) return (v) => v.endsWith(suffixed);
  return undefined;
}

/** `a|b|c` of plain literals, else undefined. */
function splitLiteralAlternation(pattern: string): string[] | undefined {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "|") {
      parts.push(current);
      current = "";
    } else if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined || !isEscapedPunctuation(next)) return undefined;
      current += next;
      i++;
    } else if (isMeta(ch)) {
      return undefined;
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function readLiteral(text: string): string | undefined {
  const parts = splitLiteralAlternation(text);
  return parts && parts.length === 1 ? parts[0] : undefined;
}

function isMeta(ch: string): boolean {
  return ".+*?()[]{}^$".includes(ch);
}

function isEscapedPunctuation(ch: string): boolean {
  return /[!-/:-@[-`{-~]/.test(ch);
}
