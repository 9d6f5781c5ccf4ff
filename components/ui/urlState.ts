import type { SortingState } from "@tanstack/react-table";

/** The query parameters a list page keeps in the URL, so a link reopens the same view. */
export const urlKeys = { namespace: "ns", query: "q", sort: "sort", selected: "selected" } as const;

/** "-age" sorts by age descending, "name" ascending. */
export function parseSort(text: string | null | undefined, fallback: SortingState): SortingState {
  if (!text) return fallback;
  const desc = text.startsWith("-");
  const id = desc ? text.slice(1) : text;
  return id ? [{ id, desc }] : fallback;
}

export function formatSort(sorting: SortingState): string | undefined {
  const first = sorting[0];
  return first ? `${first.desc ? "-" : ""}${first.id}` : undefined;
}

/** A new query string with `changes` applied; undefined or empty values remove the key. */
export function withParams(search: string, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
