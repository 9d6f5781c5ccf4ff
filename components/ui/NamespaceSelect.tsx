"use client";
import { useMemo } from "react";
import { NativeSelect } from "@mantine/core";
import { useLiveResource } from "@/components/live/useLiveResource";
import { useUrlState } from "./useUrlState";

const ALL = "";

/** Picks the namespace every list shows, from the live namespace list; kept in `?ns=`. */
export function NamespaceSelect() {
  const url = useUrlState();
  const namespaces = useLiveResource("namespaces");
  const options = useMemo(() => {
    const names = new Set(namespaces.items.map((n) => n.metadata.name));
    if (url.namespace) names.add(url.namespace);
    return [{ value: ALL, label: "All namespaces" }, ...[...names].sort().map((name) => ({ value: name, label: name }))];
  }, [namespaces.items, url.namespace]);
  return (
    <NativeSelect
      aria-label="Namespace"
      data={options}
      value={url.namespace ?? ALL}
      onChange={(event) => url.update({ namespace: event.currentTarget.value || undefined, selected: undefined }, "push")}
      w={220}
    />
  );
}
