// Small constructors shared by the term parsers.
import type { SearchError, SearchTerm, TermSpan } from "./ast";
import type { Scanned, Scanner } from "./scanner";

export type TermResult = Scanned<SearchTerm>;

/** The span from a term's first character to the scanner's cursor. */
export function span(start: number, scanner: Scanner): TermSpan {
  return { start, end: scanner.position };
}

export function success(term: SearchTerm): TermResult {
  return { ok: true, value: term };
}

export function failure(error: SearchError): TermResult {
  return { ok: false, error };
}
