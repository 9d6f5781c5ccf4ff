import { METRIC_NAME, normalizeLabels, type Label, type Labels } from "@/server/metrics/model/labels";
import { readQuotedString } from "./quotedString";

const IDENTIFIER = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;

/** Reads `name{a="1", "b.c"="2"}`, `{__name__="x"}` or a bare name at `start`; returns sorted labels and the index after them. */
export function readLabelSet(text: string, start: number): { labels: Labels; end: number } {
  const labels: Label[] = [];
  let i = start;
  const name = matchAt(IDENTIFIER, text, i);
  if (name !== null) {
    labels.push({ name: METRIC_NAME, value: name });
    i += name.length;
  }
  if (text[i] === "{") i = readBraces(text, i + 1, labels);
  else if (name === null) throw new Error(`expected a metric name or "{" at column ${start + 1}`);
  return { labels: normalizeLabels(labels), end: i };
}

function readBraces(text: string, from: number, labels: Label[]): number {
  let i = skipSpaces(text, from);
  while (text[i] !== "}") {
    if (i >= text.length) throw new Error("unclosed label set: missing }");
    i = readOneLabel(text, i, labels);
    i = skipSpaces(text, i);
    if (text[i] === ",") i = skipSpaces(text, i + 1);
    else if (text[i] !== "}") throw new Error(`expected "," or "}" at column ${i + 1}`);
  }
  return i + 1;
}

/** One `name="value"`, `"quoted name"="value"`, or a lone `"metric name"` (Prometheus 3's UTF-8 form). */
function readOneLabel(text: string, at: number, labels: Label[]): number {
  let name: string;
  let i = at;
  if (text[i] === '"' || text[i] === "'" || text[i] === "`") {
    const quoted = readQuotedString(text, i);
    name = quoted.value;
    i = skipSpaces(text, quoted.end);
    if (text[i] === "," || text[i] === "}") {
      labels.push({ name: METRIC_NAME, value: name });
      return i;
    }
  } else {
    const bare = matchAt(LABEL_NAME, text, i);
    if (bare === null) throw new Error(`expected a label name at column ${i + 1}`);
    name = bare;
    i = skipSpaces(text, i + bare.length);
  }
  if (text[i] !== "=") throw new Error(`expected "=" after label ${name} at column ${i + 1}`);
  const value = readQuotedString(text, skipSpaces(text, i + 1));
  if (labels.some((l) => l.name === name)) throw new Error(`duplicate label name ${name}`);
  labels.push({ name, value: value.value });
  return value.end;
}

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

export function skipSpaces(text: string, at: number): number {
  let i = at;
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}
