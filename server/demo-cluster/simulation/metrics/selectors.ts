import type { KubeObject } from "@/server/kube/types";
import { matchesSelector, parseLabelSelector } from "../objects/labels";

/** Thrown for a selector the API cannot read; the route answers 400 with the message. */
export class SelectorError extends Error {}

export type ObjectFilter = (object: KubeObject) => boolean;

function labelFilter(text: string | null): ObjectFilter {
  if (!text) return () => true;
  try {
    const selector = parseLabelSelector(text);
    return (o) => matchesSelector(selector, o.metadata.labels);
  } catch (error) {
    throw new SelectorError(`unable to parse labelSelector "${text}": ${(error as Error).message}`);
  }
}

const fields: Record<string, (o: KubeObject) => string> = {
  "metadata.name": (o) => o.metadata.name,
  "metadata.namespace": (o) => o.metadata.namespace ?? "",
};

function fieldFilter(text: string | null): ObjectFilter {
  if (!text) return () => true;
  const terms = text.split(",").filter(Boolean).map((term) => {
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    const read = m ? fields[m[1]!] : undefined;
    if (!m) throw new SelectorError(`invalid fieldSelector "${term}": expected field=value or field!=value`);
    if (!read) throw new SelectorError(`field label not supported: ${m[1]}`);
    return { read, negate: m[2] === "!=", value: m[3]! };
  });
  return (o) => terms.every((t) => (t.read(o) === t.value) !== t.negate);
}

/** The labelSelector and fieldSelector of a list request as one predicate. */
export function selectorFilter(url: URL): ObjectFilter {
  const byLabel = labelFilter(url.searchParams.get("labelSelector"));
  const byField = fieldFilter(url.searchParams.get("fieldSelector"));
  return (o) => byLabel(o) && byField(o);
}
