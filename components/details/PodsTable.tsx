"use client";
import Link from "next/link";
import { Anchor, Badge, Table, Text } from "@mantine/core";
import { podStatusTone, type StatusTone } from "@/lib/k8s/podStatus";
import type { PodBrief, PodList } from "@/lib/wire/resources";
import { useSelectHref } from "./useSelectHref";

const toneColour: Record<StatusTone, string> = { ok: "green", progress: "blue", warning: "orange", error: "red" };

/** A pod's kubectl STATUS as a badge coloured by how alarming it is, never cut short. */
export function PodStatusBadge({ status }: { status: string }) {
  return (
    <Badge size="sm" variant="light" color={toneColour[podStatusTone(status)]} tt="none" styles={{ root: { overflow: "visible" }, label: { overflow: "visible" } }}>
      {status}
    </Badge>
  );
}

/** A link that opens the pod's details in place of the current ones. */
export function PodLink({ pod }: { pod: Pick<PodBrief, "namespace" | "name"> }) {
  const hrefOf = useSelectHref();
  return (
    <Anchor component={Link} size="sm" href={hrefOf({ resource: "pods", namespace: pod.namespace, name: pod.name })}>
      {pod.name}
    </Anchor>
  );
}

/** Pods of a controller or on a host: name (opens it), status, readiness, restarts and where it runs. */
export function PodsTable({ list, showNamespace = false }: { list: PodList | undefined; showNamespace?: boolean }) {
  if (!list) return <Text c="dimmed" size="sm">Loading…</Text>;
  return (
    <>
      {list.pods.length === 0 ? (
        <Text c="dimmed" size="sm">{list.hidden ? "None you may see" : "None"}</Text>
      ) : (
        <Table aria-label="Pods" fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {showNamespace && <Table.Th>Namespace</Table.Th>}
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Ready</Table.Th>
              <Table.Th>Restarts</Table.Th>
              {!showNamespace && <Table.Th>Node</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.pods.map((pod) => (
              <Table.Tr key={`${pod.namespace}/${pod.name}`}>
                {showNamespace && <Table.Td>{pod.namespace}</Table.Td>}
                <Table.Td><PodLink pod={pod} /></Table.Td>
                <Table.Td><PodStatusBadge status={pod.status} /></Table.Td>
                <Table.Td>{pod.ready}</Table.Td>
                <Table.Td>{pod.restarts}</Table.Td>
                {!showNamespace && <Table.Td>{pod.node ?? "—"}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hidden && <Text c="dimmed" size="xs">{list.hidden.charAt(0).toUpperCase() + list.hidden.slice(1)}.</Text>}
    </>
  );
}
