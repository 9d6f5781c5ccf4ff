import type { ListScope } from "@/server/access/types";
import type { LabelMatcher } from "../storage";

/** The rights the access rule reads (server/access's Access answers both). */
export interface SeriesRights {
  listScope(kind: "pods"): Promise<ListScope>;
  canList(kind: "nodes"): Promise<boolean>;
}

const namespaceLabel = "namespace";

// Both at once match no series: an empty label is absent, and an absent one is empty.
const noSeries: readonly LabelMatcher[] = Object.freeze([
  { type: "=", name: namespaceLabel, value: "" },
  { type: "!=", name: namespaceLabel, value: "" },
]);

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * Matchers added to every selector and series lookup for one reader (DESIGN.md section 6, prom-label-proxy
 * style): namespaced series only of namespaces where they may list pods, series without a namespace
 * (cluster-level) only if they may list nodes. None when they may list both everywhere.
 */
export async function seriesScopeMatchers(rights: SeriesRights): Promise<readonly LabelMatcher[]> {
  const [pods, nodes] = await Promise.all([rights.listScope("pods"), rights.canList("nodes")]);
  if (pods.all) return nodes ? [] : [{ type: "!=", name: namespaceLabel, value: "" }];
  const namespaces = [...pods.namespaces].sort();
  if (namespaces.length === 0) return nodes ? [{ type: "=", name: namespaceLabel, value: "" }] : noSeries;
  // An anchored alternation; with nodes the empty alternative also admits series without the label.
  const alternatives = namespaces.map(escapeRegex);
  if (nodes) alternatives.push("");
  return [{ type: "=~", name: namespaceLabel, value: alternatives.join("|") }];
}
