"use client";
import { useCallback, useMemo, useState } from "react";
import { useDebouncedCallback } from "@mantine/hooks";
import type { SortingState } from "@tanstack/react-table";
import { useUrlState } from "@/components/ui/useUrlState";
import { formatSort, parseSort } from "@/components/ui/urlState";

export interface ListControls {
  namespace?: string;
  /** The filter as typed; the URL follows after a short pause. */
  query: string;
  setQuery(query: string): void;
  sorting: SortingState;
  setSorting(sorting: SortingState): void;
  selected?: string;
  /** Opens the details drawer for an object reference ("pods/shop/frontend-1"). */
  open(ref: string): void;
}

/** Filter, sort, namespace and selection of a list page, all held in the URL. */
export function useListControls(defaultSort: SortingState): ListControls {
  const url = useUrlState();
  const [query, setLocalQuery] = useState(url.query);
  // Back/forward changes the URL under the input: follow it (React's "adjust state while rendering").
  const [seenUrlQuery, setSeenUrlQuery] = useState(url.query);
  if (seenUrlQuery !== url.query) {
    setSeenUrlQuery(url.query);
    setLocalQuery(url.query);
  }
  const writeQuery = useDebouncedCallback((value: string) => url.update({ query: value }), 250);
  const setQuery = useCallback(
    (value: string) => {
      setLocalQuery(value);
      writeQuery(value);
    },
    [writeQuery],
  );
  const sorting = useMemo(() => parseSort(url.sort, defaultSort), [url.sort, defaultSort]);
  const setSorting = useCallback((next: SortingState) => url.update({ sort: formatSort(next) ?? "" }), [url]);
  const open = useCallback((ref: string) => url.update({ selected: ref }, "push"), [url]);
  return { namespace: url.namespace, query, setQuery, sorting, setSorting, selected: url.selected, open };
}

/** Case-insensitive substring match on the name, the filter people reach for first. */
export function filterByName<T extends { name: string }>(rows: readonly T[], query: string): readonly T[] {
  const needle = query.trim().toLowerCase();
  return needle ? rows.filter((row) => row.name.toLowerCase().includes(needle)) : rows;
}
