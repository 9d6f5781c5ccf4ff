// Evaluates parsed searches against topology nodes: highlight with the live query, filter with pinned ones.
import type { TopologyNode } from "@/lib/wire/topology";
import type { Comparison, FieldTerm, MetricTerm, SearchQuery, SearchTerm, ValueMatcher } from "./ast";

/** True when the node satisfies every term of the query (a query with no terms matches every node). */
export function matchNode(query: SearchQuery, node: TopologyNode): boolean {
  return query.terms.every((term) => matchTerm(term, node));
}

export interface SearchResult {
  /** Ids of the matching nodes. */
  matches: Set<string>;
  /** How many matching nodes there are of each kind, e.g. { Pod: 12, Service: 1 }. */
  countsByKind: Record<string, number>;
}

export function searchNodes(query: SearchQuery, nodes: Iterable<TopologyNode>): SearchResult {
  const matches = new Set<string>();
  const countsByKind: Record<string, number> = {};
  for (const node of nodes) {
    if (!matchNode(query, node)) continue;
    matches.add(node.id);
    countsByKind[node.kind] = (countsByKind[node.kind] ?? 0) + 1;
  }
  return { matches, countsByKind };
}

/** ANDs pinned searches into one query, the way pinned searches filter the graph together. */
export function combinePinned(queries: readonly SearchQuery[]): SearchQuery {
  return {
    text: queries.map((query) => query.text.trim()).filter((text) => text !== "").join(" "),
    terms: queries.flatMap((query) => query.terms),
  };
}

function matchTerm(term: SearchTerm, node: TopologyNode): boolean {
  return matchPositive(term, node) !== term.negated;
}

function matchPositive(term: SearchTerm, node: TopologyNode): boolean {
  switch (term.type) {
    case "text":
      return searchableTexts(node).some((text) => matchValue(term.matcher, text));
    case "field":
      return fieldValues(term.field, node).some((value) => matchValue(term.matcher, value));
    case "kind":
      return node.kind === term.kind;
    case "status":
      return node.status === term.status;
    case "label":
      return matchLabel(node.labels, term.key, term.value);
    case "metric":
      return matchMetric(term, node);
  }
}

function matchValue(matcher: ValueMatcher, text: string): boolean {
  if (matcher.mode === "regex") return matcher.regex.test(text);
  const wanted = matcher.value.toLowerCase();
  const candidate = text.toLowerCase();
  return matcher.mode === "equals" ? candidate === wanted : candidate.includes(wanted);
}

// Free text covers what identifies a node to a person: its name, namespace, labels and annotations.
function searchableTexts(node: TopologyNode): string[] {
  const texts = [node.name];
  if (node.namespace !== undefined) texts.push(node.namespace);
  for (const map of [node.labels, node.annotations]) {
    if (map) for (const [key, value] of Object.entries(map)) texts.push(key, value);
  }
  return texts;
}

function fieldValues(field: FieldTerm["field"], node: TopologyNode): string[] {
  if (field === "name") return [node.name];
  if (field === "image") return node.images ?? [];
  const value = field === "namespace" ? node.namespace : node.node;
  return value === undefined ? [] : [value];
}

function matchLabel(labels: Record<string, string> | undefined, key: string, value: string | undefined): boolean {
  if (!labels) return false;
  const wantedKey = key.toLowerCase();
  return Object.entries(labels).some(
    ([labelKey, labelValue]) =>
      labelKey.toLowerCase() === wantedKey && (value === undefined || labelValue.toLowerCase() === value.toLowerCase()),
  );
}

const metricFields = { cpu: "cpuMillicores", memory: "memoryBytes", restarts: "restarts" } as const;

// A node without the metric does not match the comparison (so `-cpu > 1` does match it).
function matchMetric(term: MetricTerm, node: TopologyNode): boolean {
  const actual = node.metrics?.[metricFields[term.metric]];
  return actual !== undefined && compare(actual, term.comparison, term.value);
}

function compare(actual: number, comparison: Comparison, wanted: number): boolean {
  switch (comparison) {
    case "<":
      return actual < wanted;
    case "<=":
      return actual <= wanted;
    case "=":
      return actual === wanted;
    case ">=":
      return actual >= wanted;
    case ">":
      return actual > wanted;
  }
}
