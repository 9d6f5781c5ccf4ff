"use client";
import { useMemo } from "react";
import { Chip, Group, MultiSelect, Switch } from "@mantine/core";
import { useLiveResource } from "@/components/live/useLiveResource";
import type { TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import type { TopologyPageState } from "./topologyUrlState";

const statusOptions: { value: TopologyStatus; label: string }[] = [
  { value: "running", label: "Running" },
  { value: "pending", label: "Pending" },
  { value: "crashlooping", label: "Crash-looping" },
  { value: "failed", label: "Failed" },
  { value: "terminating", label: "Terminating" },
  { value: "notready", label: "Not ready" },
  { value: "succeeded", label: "Succeeded" },
  { value: "unknown", label: "Unknown" },
];

export interface TopologyFiltersProps {
  state: TopologyPageState;
  /** Every node the server sent, before filters: the kinds to offer come from here. */
  nodes: readonly TopologyNode[];
  onChange: (changes: Partial<TopologyPageState>, history?: "push" | "replace") => void;
}

/** Namespaces (asked of the server), then kinds, statuses and system namespaces (applied here). */
export function TopologyFilters({ state, nodes, onChange }: TopologyFiltersProps) {
  const namespaces = useLiveResource("namespaces");
  const namespaceOptions = useMemo(() => [...new Set([...namespaces.items.map((ns) => ns.metadata.name), ...state.namespaces])].sort(), [namespaces.items, state.namespaces]);
  // Offer the kinds this view has, plus any switched off, so a hidden kind can be switched back on.
  const kinds = useMemo(() => [...new Set<TopologyKind>([...nodes.map((node) => node.kind), ...state.hiddenKinds])].sort(), [nodes, state.hiddenKinds]);
  const shownKinds = kinds.filter((kind) => !state.hiddenKinds.includes(kind));
  return (
    <Group gap="sm" align="center" wrap="wrap">
      <MultiSelect
        aria-label="Namespaces"
        placeholder={state.namespaces.length === 0 ? "All namespaces" : undefined}
        data={namespaceOptions}
        value={state.namespaces}
        onChange={(value) => onChange({ namespaces: value, selected: undefined, expanded: [] }, "push")}
        searchable
        clearable
        w={260}
        size="xs"
      />
      <MultiSelect
        aria-label="Statuses"
        placeholder={state.statuses.length === 0 ? "Any status" : undefined}
        data={statusOptions}
        value={state.statuses}
        onChange={(value) => onChange({ statuses: value as TopologyStatus[] })}
        clearable
        w={220}
        size="xs"
      />
      <Chip.Group multiple value={shownKinds} onChange={(value) => onChange({ hiddenKinds: kinds.filter((kind) => !value.includes(kind)) })}>
        <Group gap={4} aria-label="Kinds shown">
          {kinds.map((kind) => (
            <Chip key={kind} value={kind} size="xs" variant="outline">
              {kind}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Switch size="xs" label="Hide system namespaces" checked={state.hideSystem} onChange={(event) => onChange({ hideSystem: event.currentTarget.checked })} />
    </Group>
  );
}
