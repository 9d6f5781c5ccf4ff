"use client";
import { useMemo, useState } from "react";
import type { SearchError, SearchQuery } from "@/lib/search/ast";
import { searchNodes, type SearchResult } from "@/lib/search/match";
import { parseSearch } from "@/lib/search/parse";
import type { TopologyNode } from "@/lib/wire/topology";

export interface SearchState {
  /** The query whose matches are shown: the typed one, or the last one that parsed while the typed one does not. */
  shown?: SearchQuery;
  result?: SearchResult;
  error?: SearchError;
}

/** Highlights for the search box; a query that does not parse keeps the last good result and says where it broke. */
export function useSearchMatches(text: string, nodes: readonly TopologyNode[]): SearchState {
  const parsed = useMemo(() => (text.trim() === "" ? undefined : parseSearch(text)), [text]);
  // Remembered across renders (React's "state from the previous render" pattern): what to show while the text is broken.
  const [lastGood, setLastGood] = useState<SearchQuery | undefined>(undefined);
  const good = parsed?.ok ? parsed.query : parsed === undefined ? undefined : lastGood;
  if (good !== lastGood) setLastGood(good);
  return useMemo(() => {
    if (parsed === undefined) return {};
    return { shown: good, result: good && searchNodes(good, nodes), error: parsed.ok ? undefined : parsed.error };
  }, [parsed, good, nodes]);
}

/** Pinned search texts that parse; the ones that do not are reported rather than silently dropped. */
export function parsePinned(texts: readonly string[]): { queries: SearchQuery[]; broken: string[] } {
  const queries: SearchQuery[] = [];
  const broken: string[] = [];
  for (const text of texts) {
    const parsed = parseSearch(text);
    if (parsed.ok) queries.push(parsed.query);
    else broken.push(text);
  }
  return { queries, broken };
}
