"use client";
import { Table, Text } from "@mantine/core";
import type { KubeObject } from "@/lib/k8s/types";
import type { ControllerRelated } from "@/lib/wire/resources";
import { KeyValueTable, LabelChips } from "./KeyValueList";
import { PodsTable } from "./PodsTable";
import { Section } from "./DetailsSections";
import { isRolledOutKind, summarizeWorkload } from "./workloadViews";

/** A Deployment, StatefulSet or DaemonSet: its rollout (replicas, strategy, revision), what it selects, and its pods. */
export function WorkloadOverview({ workload, related }: { workload: KubeObject; related: ControllerRelated | undefined }) {
  if (!isRolledOutKind(workload.kind)) return <Section title="Pods"><PodsTable list={related?.pods} /></Section>;
  const summary = summarizeWorkload(workload);
  const { desired, updated, ready, available } = summary.replicas;
  return (
    <>
      <Section title="Replicas">
        <Table aria-label="Replicas" fz="sm" verticalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Desired</Table.Th>
              <Table.Th>Updated</Table.Th>
              <Table.Th>Ready</Table.Th>
              <Table.Th>Available</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{desired ?? "—"}</Table.Td>
              <Table.Td>{updated ?? "—"}</Table.Td>
              <Table.Td c={desired !== undefined && ready !== undefined && ready < desired ? "orange" : undefined}>{ready ?? "—"}</Table.Td>
              <Table.Td>{available ?? "—"}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Section>
      <Section title="Rollout">
        <KeyValueTable label="Rollout" entries={[["Strategy", summary.strategy], ["Revision", summary.revision]]} />
      </Section>
      <Section title="Selector">
        {Object.keys(summary.selector).length > 0 ? <LabelChips labels={summary.selector} /> : summary.selectorExpressions.length === 0 && <Text c="dimmed" size="sm">None</Text>}
        {summary.selectorExpressions.map((expression) => <Text key={expression} size="sm">{expression}</Text>)}
      </Section>
      <Section title="Pods"><PodsTable list={related?.pods} /></Section>
    </>
  );
}
