import { Badge, Group, Table, Text } from "@mantine/core";

/** Labels as compact key=value chips. */
export function LabelChips({ labels }: { labels: Record<string, string> | undefined }) {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return <Text c="dimmed" size="sm">None</Text>;
  return (
    <Group gap={6} aria-label="Labels" role="list">
      {entries.map(([key, value]) => (
        <Badge key={key} variant="light" color="gray" tt="none" radius="sm" role="listitem" styles={{ label: { overflow: "visible" } }}>
          {key}={value}
        </Badge>
      ))}
    </Group>
  );
}

/** Annotations and other long values, one per row, wrapped. */
export function KeyValueTable({ entries, label }: { entries: [string, string | undefined][]; label: string }) {
  const shown = entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "");
  if (shown.length === 0) return <Text c="dimmed" size="sm">None</Text>;
  return (
    <Table aria-label={label} fz="sm" verticalSpacing={4} layout="fixed">
      <Table.Tbody>
        {shown.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th w="35%" style={{ verticalAlign: "top", wordBreak: "break-all" }}>
              {key}
            </Table.Th>
            <Table.Td style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
              {value.length > 400 ? `${value.slice(0, 400)}…` : value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
