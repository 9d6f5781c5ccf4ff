"use client";
import type { ReactNode } from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Anchor, Badge, Breadcrumbs, Stack, Table, Text, Title } from "@mantine/core";
import { formatObjectRef } from "@/lib/k8s/objectRef";
import { formatQuantity } from "@/lib/k8s/quantity";
import type { ConditionView, KubeObject } from "@/lib/k8s/types";
import type { EventSummary, OwnerLink } from "@/lib/wire/resources";
import { withParams } from "@/components/ui/urlState";
import { Age } from "@/components/resources/Age";
import { conditionColour, conditionHealth } from "./conditionHealth";
import { containersOf } from "./containerViews";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Title order={4}>{title}</Title>
      {children}
    </Stack>
  );
}

/** Owners as links that reopen the drawer on them, nearest first. */
export function OwnerChain({ owners }: { owners: OwnerLink[] | undefined }) {
  const pathname = usePathname();
  const params = useSearchParams();
  if (!owners) return <Text c="dimmed" size="sm">Loading…</Text>;
  if (owners.length === 0) return <Text c="dimmed" size="sm">No owner</Text>;
  return (
    <Breadcrumbs separator="←" aria-label="Owner chain">
      {owners.map((owner) => {
        const label = `${owner.kind} ${owner.name}`;
        if (!owner.resource || !owner.found) return <Text key={owner.uid} size="sm" c="dimmed">{label}{owner.found ? "" : " (not found)"}</Text>;
        const ref = formatObjectRef({ resource: owner.resource, namespace: owner.namespace, name: owner.name });
        return (
          <Anchor key={owner.uid} component={Link} size="sm" href={`${pathname}${withParams(params.toString(), { selected: ref })}`}>
            {label}
          </Anchor>
        );
      })}
    </Breadcrumbs>
  );
}

const resourceText = (values: Record<string, string> | undefined) =>
  Object.entries(values ?? {}).map(([name, value]) => `${name} ${formatQuantity(name, value)}`).join(", ") || "—";

export function ContainersTable({ object }: { object: KubeObject }) {
  const containers = containersOf(object);
  if (containers.length === 0) return <Text c="dimmed" size="sm">None</Text>;
  return (
    <Table aria-label="Containers" fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Image</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Last state</Table.Th>
          <Table.Th>Ready</Table.Th>
          <Table.Th>Restarts</Table.Th>
          <Table.Th>Requests / limits</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {containers.map((c) => (
          <Table.Tr key={`${c.init}-${c.name}`}>
            <Table.Td>{c.name}{c.init && <Badge ml={4} size="xs" variant="outline">init</Badge>}</Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>{c.image}</Table.Td>
            <Table.Td>
              {c.state}
              {c.stateMessage && <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>{c.stateMessage}</Text>}
            </Table.Td>
            <Table.Td>
              {c.lastState ?? "—"}
              {c.lastFinishedAt && <Text size="xs" c="dimmed">ended <Age timestamp={c.lastFinishedAt} /> ago</Text>}
            </Table.Td>
            <Table.Td c={c.ready === false ? "red" : undefined}>{c.ready === undefined ? "—" : c.ready ? "yes" : "no"}</Table.Td>
            <Table.Td>{c.restarts ?? "—"}</Table.Td>
            <Table.Td>{resourceText(c.requests)} / {resourceText(c.limits)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ConditionsTable({ object }: { object: KubeObject }) {
  const conditions = ((object.status as { conditions?: ConditionView[] } | undefined)?.conditions ?? []) as ConditionView[];
  if (conditions.length === 0) return <Text c="dimmed" size="sm">None</Text>;
  return (
    <Table aria-label="Conditions" fz="sm" verticalSpacing={4}>
      <Table.Tbody>
        {conditions.map((c) => (
          <Table.Tr key={c.type}>
            <Table.Td fw={500}>{c.type}</Table.Td>
            <Table.Td c={conditionColour[conditionHealth(c.type, c.status)]} data-health={conditionHealth(c.type, c.status)}>{c.status}</Table.Td>
            <Table.Td>{c.reason}</Table.Td>
            <Table.Td>{c.lastTransitionTime && <Age timestamp={c.lastTransitionTime} />}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EventsTable({ events }: { events: EventSummary[] | undefined }) {
  if (!events) return <Text c="dimmed" size="sm">Loading…</Text>;
  if (events.length === 0) return <Text c="dimmed" size="sm">No recent events</Text>;
  return (
    <Table aria-label="Events" fz="sm" verticalSpacing={4}>
      <Table.Tbody>
        {events.map((e, i) => (
          <Table.Tr key={`${e.reason}-${e.lastSeen}-${i}`}>
            <Table.Td w={90} style={{ whiteSpace: "nowrap" }}>
              {/* Mantine cuts badge text to fit its column ("WA…"); the type is short, so it always shows whole. */}
              <Badge size="sm" color={e.type === "Warning" ? "orange" : "gray"} variant="light" tt="none" styles={{ root: { overflow: "visible", flexShrink: 0 }, label: { overflow: "visible" } }}>
                {e.type}
              </Badge>
            </Table.Td>
            <Table.Td fw={500}>{e.reason}</Table.Td>
            <Table.Td>{e.message}{e.count > 1 ? ` (×${e.count})` : ""}</Table.Td>
            <Table.Td>{e.lastSeen && <Age timestamp={e.lastSeen} />}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
