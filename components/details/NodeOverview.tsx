"use client";
import { Badge, Group, Table, Text } from "@mantine/core";
import type { Node } from "@/lib/k8s/types";
import type { NodeRelated } from "@/lib/wire/resources";
import { KeyValueTable } from "./KeyValueList";
import { PodsTable } from "./PodsTable";
import { Section } from "./DetailsSections";
import { nodeResourceRows } from "./nodeResources";

interface Taint { key: string; value?: string; effect: string }
interface NodeInfo { kubeletVersion?: string; osImage?: string; containerRuntimeVersion?: string; architecture?: string; kernelVersion?: string }

/** A host: how it is reached, what it has and what its pods ask for and use, what it repels, and its pods. */
export function NodeOverview({ node, related }: { node: Node; related: NodeRelated | undefined }) {
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  const info = (node.status?.nodeInfo ?? {}) as NodeInfo;
  const usageNote = related && related.usage.state !== "shown" ? `Used ${related.usage.state === "forbidden" ? "is hidden" : "is not available"}: ${related.usage.reason}.` : undefined;
  return (
    <>
      <Section title="Addresses">
        <KeyValueTable label="Addresses" entries={(node.status?.addresses ?? []).map((a) => [a.type, a.address])} />
      </Section>
      <Section title="Resources">
        <Table aria-label="Resources" fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Resource</Table.Th>
              <Table.Th>Capacity</Table.Th>
              <Table.Th>Allocatable</Table.Th>
              <Table.Th>Requested</Table.Th>
              <Table.Th>Used</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nodeResourceRows(node, related).map((row) => (
              <Table.Tr key={row.resource}>
                <Table.Th>{row.resource}</Table.Th>
                <Table.Td>{row.capacity}</Table.Td>
                <Table.Td>{row.allocatable}</Table.Td>
                <Table.Td>{row.requested}</Table.Td>
                <Table.Td>{row.used}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text c="dimmed" size="xs">Requested adds up the requests of the pods below that have not finished.{usageNote ? ` ${usageNote}` : ""}</Text>
      </Section>
      <Section title="Taints">
        {taints.length === 0 ? (
          <Text c="dimmed" size="sm">None</Text>
        ) : (
          <Group gap={6} role="list" aria-label="Taints">
            {taints.map((t) => (
              <Badge key={`${t.key}:${t.effect}`} role="listitem" variant="light" color="orange" tt="none" radius="sm" styles={{ label: { overflow: "visible" } }}>
                {t.key}{t.value ? `=${t.value}` : ""}:{t.effect}
              </Badge>
            ))}
          </Group>
        )}
      </Section>
      <Section title="System">
        <KeyValueTable
          label="System"
          entries={[
            ["Kubelet", info.kubeletVersion],
            ["OS image", info.osImage],
            ["Kernel", info.kernelVersion],
            ["Architecture", info.architecture],
            ["Container runtime", info.containerRuntimeVersion],
            ["Schedulable", (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable ? "no (cordoned)" : "yes"],
          ]}
        />
      </Section>
      <Section title="Pods"><PodsTable list={related?.pods} showNamespace /></Section>
    </>
  );
}
