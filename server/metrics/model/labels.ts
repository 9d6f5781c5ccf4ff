/** The label that holds a series' metric name. */
export const METRIC_NAME = "__name__";

export interface Label {
  name: string;
  value: string;
}

/** A series' identity: labels sorted by name, no empty values, no duplicate names. */
export type Labels = readonly Label[];

/** Sorts by name and drops empty values, as Prometheus treats an empty label as absent. */
export function normalizeLabels(labels: Iterable<Label>): Labels {
  return [...labels].filter((l) => l.value !== "").sort((a, b) => compareStrings(a.name, b.name));
}

export function labelsFromRecord(record: Record<string, string>): Labels {
  return normalizeLabels(Object.entries(record).map(([name, value]) => ({ name, value })));
}

export function labelsToRecord(labels: Labels): Record<string, string> {
  const record: Record<string, string> = {};
  for (const l of labels) record[l.name] = l.value;
  return record;
}

export function labelValue(labels: Labels, name: string): string {
  for (const l of labels) if (l.name === name) return l.value;
  return "";
}

/** A stable string key for maps keyed by series; the separator cannot occur in valid UTF-8 text. */
export function labelsKey(labels: Labels): string {
  let key = "";
  for (const l of labels) key += `${l.name}\xff${l.value}\xfe`;
  return key;
}

/** Byte-wise order of UTF-16 strings as Go compares UTF-8 strings for the label sets of one query. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders label sets as Prometheus does (labels.Compare): name, then value, pair by pair, then length. */
export function compareLabels(a: Labels, b: Labels): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.name !== y.name) return compareStrings(x.name, y.name);
    if (x.value !== y.value) return compareStrings(x.value, y.value);
  }
  return a.length - b.length;
}

/** Prometheus's text form: `name{a="1", b="2"}`, the metric name outside the braces. */
export function formatLabels(labels: Labels): string {
  const name = labelValue(labels, METRIC_NAME);
  const rest = labels.filter((l) => l.name !== METRIC_NAME).map((l) => `${l.name}=${JSON.stringify(l.value)}`);
  return rest.length === 0 && name !== "" ? name : `${name}{${rest.join(", ")}}`;
}
