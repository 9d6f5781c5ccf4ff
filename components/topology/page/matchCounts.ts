import type { SearchResult } from "@/lib/search/match";

const plural = (count: number, word: string) => `${count.toLocaleString("en")} ${word.toLowerCase()}${count === 1 ? "" : "s"}`;

/** "12 matches: 10 pods, 2 services", largest kinds first; "no matches" says so plainly. */
export function describeCounts(result: SearchResult): string {
  const total = result.matches.size;
  if (total === 0) return "no matches";
  const kinds = Object.entries(result.countsByKind)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, count]) => plural(count, kind));
  return `${total.toLocaleString("en")} ${total === 1 ? "match" : "matches"}: ${kinds.join(", ")}`;
}
