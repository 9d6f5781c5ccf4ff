"use client";
import { Badge, Group, Popover, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { summarizeHealth, type HealthLevel } from "@/components/live/streamHealth";
import { useStreamState } from "@/components/live/useStreamState";

export const healthColors: Record<HealthLevel, string> = { connecting: "gray", live: "green", syncing: "blue", stale: "yellow", error: "red" };

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Live / Stale / Error for the cluster connection, with the apiserver and the reason on click. */
export function ConnectionIndicator() {
  const state = useStreamState();
  const health = summarizeHealth(state);
  return (
    <Popover width={420} position="bottom-end" shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label={`Cluster connection: ${health.label}. Show details`}>
          <Group gap="xs" role="status" aria-label="Cluster connection" data-level={health.level}>
            <Badge color={healthColors[health.level]} variant="dot" size="lg">
              {health.label}
            </Badge>
            <Text size="xs" c="dimmed" visibleFrom="md">
              {hostOf(health.apiserver)}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">
            API server: <Text span ff="monospace">{health.apiserver ?? "unknown yet"}</Text>
          </Text>
          {health.detail && <Text size="sm">{health.detail}</Text>}
          <Table fz="xs" verticalSpacing={2} aria-label="Cache state per kind">
            <Table.Tbody>
              {state.kinds.map((kind) => (
                <Table.Tr key={kind.kind}>
                  <Table.Td>{kind.kind}</Table.Td>
                  <Table.Td c={healthColors[kind.state]}>{kind.state}</Table.Td>
                  <Table.Td>{kind.count}</Table.Td>
                  <Table.Td>{kind.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
