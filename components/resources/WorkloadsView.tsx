"use client";
import { useMemo, useState } from "react";
import type { ExpandedState } from "@tanstack/react-table";
import { refusalOf, useLiveResource, type LiveResource } from "@/components/live/useLiveResource";
import { groupWorkloads } from "@/lib/k8s/workloads";
import type { Pod, Workload } from "@/lib/k8s/types";
import { ResourceTable } from "./ResourceTable";
import { ResourceListView, LIST_HEIGHT, emptyText } from "./ResourceListView";
import { useListControls } from "./useListControls";
import { useListUsage } from "./useListUsage";
import { filterWorkloads, standaloneRows, toWorkloadRow, workloadColumns, type WorkloadRow } from "./workloadRows";

const defaultSort = [{ id: "name", desc: false }];
// Above this many pods the groups start folded so the page stays readable.
const EXPAND_ALL_UP_TO = 300;

function useWorkloadSources(namespace: string | undefined) {
  return {
    deployments: useLiveResource<Workload>("deployments", namespace),
    replicasets: useLiveResource<Workload>("replicasets", namespace),
    statefulsets: useLiveResource<Workload>("statefulsets", namespace),
    daemonsets: useLiveResource<Workload>("daemonsets", namespace),
    jobs: useLiveResource<Workload>("jobs", namespace),
    cronjobs: useLiveResource<Workload>("cronjobs", namespace),
    pods: useLiveResource<Pod>("pods", namespace),
  };
}

function combine(sources: Record<string, LiveResource>) {
  const all = Object.values(sources);
  const stale = all.find((s) => s.stale);
  return { loaded: all.every((s) => s.loaded), stale: stale !== undefined, staleReason: stale?.staleReason, refused: refusalOf(...all) };
}

export function WorkloadsView() {
  const controls = useListControls(defaultSort);
  const sources = useWorkloadSources(controls.namespace);
  const { deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs, pods } = sources;
  const usage = useListUsage("pods", controls.namespace);
  const rows = useMemo(() => {
    const grouped = groupWorkloads({
      deployments: deployments.items,
      replicasets: replicasets.items,
      statefulsets: statefulsets.items,
      daemonsets: daemonsets.items,
      jobs: jobs.items,
      cronjobs: cronjobs.items,
      pods: pods.items,
    });
    return [...grouped.groups.map((group) => toWorkloadRow(group, usage)), ...standaloneRows(grouped.standalonePods, usage)];
  }, [deployments.items, replicasets.items, statefulsets.items, daemonsets.items, jobs.items, cronjobs.items, pods.items, usage]);
  const shown = useMemo(() => filterWorkloads(rows, controls.query), [rows, controls.query]);
  const [expanded, setExpanded] = useState<ExpandedState | undefined>(undefined);
  const state = combine(sources);
  return (
    <ResourceListView
      title="Workloads"
      count={shown.length}
      {...state}
      query={controls.query}
      onQueryChange={controls.setQuery}
      emptyText={emptyText("workloads", controls.namespace, controls.query)}
    >
      <ResourceTable<WorkloadRow>
        label="Workloads"
        rows={shown}
        columns={workloadColumns}
        rowId={(row) => row.id}
        subRows={(row) => row.children}
        expanded={expanded ?? (pods.items.length <= EXPAND_ALL_UP_TO ? true : {})}
        onExpandedChange={setExpanded}
        sorting={controls.sorting}
        onSortingChange={controls.setSorting}
        onOpen={(row) => controls.open(row.id)}
        selectedId={controls.selected}
        stale={state.stale}
        height={LIST_HEIGHT}
      />
    </ResourceListView>
  );
}
