"use client";
import { useMemo } from "react";
import { Group, Loader, NativeSelect, Tooltip } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useMe } from "@/components/auth/useMe";
import { useLiveResource } from "@/components/live/useLiveResource";
import { useUrlState } from "./useUrlState";

const ALL = "";

/**
 * Picks the namespace every list shows, from the live namespace list; kept in `?ns=`. A person who may not list
 * Namespace objects still gets the namespaces they can see into (GET /api/me), and a lock saying why the list is short.
 */
export function NamespaceSelect() {
  const url = useUrlState();
  const namespaces = useLiveResource("namespaces");
  const short = namespaces.loaded && (namespaces.refused !== undefined || namespaces.items.length === 0);
  const me = useMe([], short);
  const options = useMemo(() => {
    const names = new Set(namespaces.items.map((n) => n.metadata.name));
    if (short) for (const name of me.data?.namespaces ?? []) names.add(name);
    if (url.namespace) names.add(url.namespace);
    return [{ value: ALL, label: "All namespaces" }, ...[...names].sort().map((name) => ({ value: name, label: name }))];
  }, [namespaces.items, short, me.data, url.namespace]);
  const why = namespaces.refused && `${namespaces.refused}; ${options.length > 1 ? "these are the namespaces where you may see something" : "nor see into any namespace"}`;
  return (
    <Group gap={4} wrap="nowrap">
      {why && (
        <Tooltip label={why} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
          <IconLock size={18} role="img" aria-label={`Namespaces: ${why}`} tabIndex={0} color="var(--mantine-color-red-6)" />
        </Tooltip>
      )}
      <NativeSelect
        aria-label="Namespace"
        aria-busy={!namespaces.loaded}
        data={options}
        value={url.namespace ?? ALL}
        leftSection={namespaces.loaded ? undefined : <Loader size={14} aria-label="Loading namespaces" />}
        onChange={(event) => url.update({ namespace: event.currentTarget.value || undefined, selected: undefined }, "push")}
        w={220}
      />
    </Group>
  );
}
