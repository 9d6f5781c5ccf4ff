"use client";
import { Alert, Button, Group, Loader, Text } from "@mantine/core";
import type { TopologyView } from "@/lib/wire/topology";
import type { Aggregation } from "../model/graphStore";
import { TopologyEmptyState } from "./TopologyEmptyState";

export interface TopologyNoticesProps {
  /** The view shown, so an empty map can say whether the person may see what it is drawn from. */
  view: TopologyView;
  loaded: boolean;
  resyncing: boolean;
  error?: string;
  aggregated: Aggregation;
  /** Nodes the server sent. */
  total: number;
  /** Nodes the filters and pinned searches took away. */
  filteredOut: number;
  namespaces: readonly string[];
  brokenPinned: readonly string[];
  /** Groups the person expanded, and how to fold them back. */
  expandedCount: number;
  onCollapseAll: () => void;
}

/** Says plainly why the map shows what it shows: loading, catching up, grouped, filtered, empty. */
export function TopologyNotices(props: TopologyNoticesProps) {
  const { view, loaded, resyncing, error, aggregated, total, filteredOut, namespaces, brokenPinned, expandedCount, onCollapseAll } = props;
  return (
    <>
      {error && <Alert color="red" title="The map could not be loaded">{error}</Alert>}
      {!loaded && !error && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">Loading the map…</Text>
        </Group>
      )}
      {loaded && resyncing && <Alert color="yellow" title="Catching up" data-testid="topology-resyncing">The connection was interrupted; the map shows the last state it had until the server resends it.</Alert>}
      {aggregated && (
        <Alert color="blue" title={`Grouped by ${aggregated.by}`} data-testid="topology-aggregated">
          {aggregated.reason} Select a group and expand it to see its members, or pick namespaces.
          {expandedCount > 0 && (
            <Button size="compact-xs" variant="light" ml="sm" onClick={onCollapseAll}>
              Fold the {expandedCount} expanded {expandedCount === 1 ? "group" : "groups"} back
            </Button>
          )}
        </Alert>
      )}
      {brokenPinned.length > 0 && <Alert color="red">These pinned searches do not parse and are ignored: {brokenPinned.join("; ")}</Alert>}
      {loaded && !error && total === 0 && <TopologyEmptyState view={view} namespaces={namespaces} />}
      {loaded && total > 0 && filteredOut === total && (
        <Alert color="gray" title="Everything is filtered out" data-testid="topology-all-filtered">
          All {total.toLocaleString("en")} nodes are hidden by the filters or pinned searches.
        </Alert>
      )}
      {loaded && filteredOut > 0 && filteredOut < total && (
        <Text size="xs" c="dimmed" data-testid="topology-filtered">
          {filteredOut.toLocaleString("en")} of {total.toLocaleString("en")} nodes hidden by filters.
        </Text>
      )}
    </>
  );
}
