"use client";
import { ActionIcon, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { ObjectDetails } from "@/components/details/DetailsDrawer";
import { formatBytes, formatMillicores } from "@/lib/format/usage";
import type { TopologyNode } from "@/lib/wire/topology";
import { objectRefOf } from "./nodeObjectRef";

export interface TopologyDetailsPanelProps {
  /** The selected id; the node may have gone from the graph since. */
  selectedId: string;
  node?: TopologyNode;
  neighbours: readonly TopologyNode[];
  onSelect: (id: string) => void;
  onClose: () => void;
  onExpand: (groupId: string) => void;
}

/** Beside the map: what the selected node is, its neighbours, and the live object behind it. */
export function TopologyDetailsPanel({ selectedId, node, neighbours, onSelect, onClose, onExpand }: TopologyDetailsPanelProps) {
  const ref = node && objectRefOf(node);
  return (
    <Paper withBorder p="sm" w={440} h="100%" style={{ display: "flex", flexDirection: "column" }} role="complementary" aria-label="Details">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={4} style={{ overflowWrap: "anywhere" }}>{node ? `${node.kind} ${node.name}` : "Not on the map"}</Title>
        <ActionIcon variant="subtle" aria-label="Close details" onClick={onClose}>
          <IconX size={18} />
        </ActionIcon>
      </Group>
      <ScrollArea style={{ flex: 1 }}>
        {!node && <Text c="dimmed">“{selectedId}” is not in this view (any more): it may have been deleted, filtered out or folded into a group.</Text>}
        {node && (
          <Stack gap="md">
            <NodeSummary node={node} />
            {node.kind === "Group" && (
              <Button size="xs" onClick={() => onExpand(node.id)}>
                Expand this group ({node.group?.count ?? 0} nodes)
              </Button>
            )}
            <Neighbours neighbours={neighbours} onSelect={onSelect} />
            {ref && <ObjectDetails objectRef={ref} />}
          </Stack>
        )}
      </ScrollArea>
    </Paper>
  );
}

function NodeSummary({ node }: { node: TopologyNode }) {
  const rows: [string, string | undefined][] = [
    ["Namespace", node.namespace],
    ["Node", node.node],
    ["CPU", node.metrics?.cpuMillicores === undefined ? undefined : formatMillicores(node.metrics.cpuMillicores)],
    ["Memory", node.metrics?.memoryBytes === undefined ? undefined : formatBytes(node.metrics.memoryBytes)],
    ["Restarts", node.metrics?.restarts === undefined ? undefined : String(node.metrics.restarts)],
    ["Grouped by", node.kind === "Group" && node.group ? `${node.group.by} ${node.group.key}: ${node.group.count} nodes, worst ${node.group.worst}` : undefined],
    // A host's or namespace's status is its own; what its pods do is told apart (the ring on the map).
    ["Pods", node.kind !== "Group" && node.group ? `${node.group.count}${node.group.count > 0 ? `, worst ${node.group.worst}` : ""}` : undefined],
    ["Images", node.images?.join(", ")],
  ];
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Badge variant="light">{node.kind}</Badge>
        <Badge variant="outline" data-testid="topology-details-status">{node.status}</Badge>
      </Group>
      <Table withRowBorders={false} aria-label="Summary">
        <Table.Tbody>
          {rows
            .filter(([, value]) => value !== undefined && value !== "")
            .map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th w={110}>{key}</Table.Th>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Neighbours({ neighbours, onSelect }: { neighbours: readonly TopologyNode[]; onSelect: (id: string) => void }) {
  if (neighbours.length === 0) return null;
  const shown = neighbours.slice(0, 50);
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">Connected ({neighbours.length})</Text>
      <Group gap={4}>
        {shown.map((other) => (
          <Button key={other.id} size="compact-xs" variant="light" onClick={() => onSelect(other.id)}>
            {other.kind} {other.name}
          </Button>
        ))}
        {neighbours.length > shown.length && <Text size="xs" c="dimmed">and {neighbours.length - shown.length} more</Text>}
      </Group>
    </Stack>
  );
}
