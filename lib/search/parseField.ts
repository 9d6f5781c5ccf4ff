// Parses the value half of a `field:value` term once the parser has read the field name and the colon.
import type { FieldName, FieldTerm, SearchTerm, ValueMatcher } from "./ast";
import { searchError, type Scanner } from "./scanner";
import { failure, span, success, type TermResult } from "./termResult";
import {
  fieldAliases, fieldNamesForMessages, kindAliases, kindNamesForMessages, lookUp, statusAliases, statusNamesForMessages,
} from "./vocabulary";

export interface FieldStart {
  word: string;
  wordStart: number;
  negated: boolean;
  termStart: number;
}

type RawValue = { text: string; regex?: RegExp; start: number };

/** Reads the value after `field:` and builds the term; the scanner is just past the colon. */
export function buildFieldTerm(scanner: Scanner, start: FieldStart): TermResult {
  const field = lookUp(fieldAliases, start.word);
  if (!field) {
    const hint = `fields: ${fieldNamesForMessages}; quote the term ("${start.word}:…") to search for it as text`;
    return failure(searchError(start.wordStart, start.word.length, `unknown field '${start.word}'`, hint));
  }
  const raw = readValue(scanner, start.word);
  if (!raw.ok) return raw;
  const base = { negated: start.negated, span: span(start.termStart, scanner) };
  if (field === "label" || field === "kind" || field === "status") {
    if (raw.value.regex) {
      return failure(searchError(raw.value.start, scanner.position - raw.value.start, `${start.word}: takes a name, not a regex`));
    }
    return buildNamedTerm(field, raw.value, base);
  }
  return success({ type: "field", field, matcher: matcherFor(field, raw.value), ...base });
}

type ValueResult = { ok: true; value: RawValue } | { ok: false; error: ReturnType<typeof searchError> };

function readValue(scanner: Scanner, word: string): ValueResult {
  const start = scanner.position;
  if (scanner.atTermEnd()) return { ok: false, error: searchError(start, 1, `expected a value after '${word}:'`) };
  if (scanner.peek() === "/") {
    const regex = scanner.readRegex();
    return regex.ok ? { ok: true, value: { text: regex.value.source, regex: regex.value, start } } : regex;
  }
  if (scanner.peek() === '"') {
    const quoted = scanner.readQuoted();
    if (!quoted.ok) return quoted;
    if (!scanner.atTermEnd()) return { ok: false, error: searchError(scanner.position, 1, "expected a space after the closing quote") };
    if (quoted.value === "") return { ok: false, error: searchError(start, 2, `expected a value after '${word}:'`) };
    return { ok: true, value: { text: quoted.value, start } };
  }
  return { ok: true, value: { text: scanner.readUntilSpace(), start } };
}

// Namespaces and node names are identifiers, so they must match whole; names and images match any part.
function matcherFor(field: FieldTerm["field"], raw: RawValue): ValueMatcher {
  if (raw.regex) return { mode: "regex", regex: raw.regex };
  return { mode: field === "namespace" || field === "node" ? "equals" : "contains", value: raw.text };
}

type TermBase = Pick<SearchTerm, "negated" | "span">;

function buildNamedTerm(field: Extract<FieldName, "label" | "kind" | "status">, raw: RawValue, base: TermBase): TermResult {
  const length = Math.max(1, raw.text.length);
  if (field === "kind") {
    const kind = lookUp(kindAliases, raw.text);
    if (!kind) return failure(searchError(raw.start, length, `unknown kind '${raw.text}'`, `kinds: ${kindNamesForMessages}`));
    return success({ type: "kind", kind, ...base });
  }
  if (field === "status") {
    const status = lookUp(statusAliases, raw.text);
    if (!status) return failure(searchError(raw.start, length, `unknown status '${raw.text}'`, `statuses: ${statusNamesForMessages}`));
    return success({ type: "status", status, ...base });
  }
  const equals = raw.text.indexOf("=");
  if (equals === 0) return failure(searchError(raw.start, length, "expected a label key before '='", "write label:app=redis or label:app"));
  if (equals < 0) return success({ type: "label", key: raw.text, ...base });
  return success({ type: "label", key: raw.text.slice(0, equals), value: raw.text.slice(equals + 1), ...base });
}
