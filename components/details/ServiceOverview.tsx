"use client";
import { Badge, Table, Text } from "@mantine/core";
import type { KubeObject, ServicePort } from "@/lib/k8s/types";
import type { EndpointBrief, ServiceRelated } from "@/lib/wire/resources";
import { KeyValueTable, LabelChips } from "./KeyValueList";
import { PodLink, PodStatusBadge } from "./PodsTable";
import { Section } from "./DetailsSections";

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  externalIPs?: string[];
  externalName?: string;
  sessionAffinity?: string;
  ports?: ServicePort[];
  selector?: Record<string, string>;
}

/** A Service: how it is reached (type, IPs, ports), which pods it selects, and the endpoints behind it now. */
export function ServiceOverview({ service, related }: { service: KubeObject; related: ServiceRelated | undefined }) {
  const spec = (service.spec ?? {}) as ServiceSpec;
  const ingress = ((service.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname);
  return (
    <>
      <Section title="Service">
        <KeyValueTable
          label="Service"
          entries={[
            ["Type", spec.type ?? "ClusterIP"],
            ["Cluster IP", (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).join(", ")],
            ["External IPs", spec.externalIPs?.join(", ")],
            ["Load balancer", ingress.join(", ")],
            ["External name", spec.externalName],
            ["Session affinity", spec.sessionAffinity],
          ]}
        />
      </Section>
      <Section title="Ports"><PortsTable ports={spec.ports} /></Section>
      <Section title="Selector">
        {spec.selector ? <LabelChips labels={spec.selector} /> : <Text c="dimmed" size="sm">None: endpoints are managed by hand</Text>}
      </Section>
      <Section title="Endpoints"><EndpointsTable related={related} /></Section>
    </>
  );
}

function PortsTable({ ports }: { ports: ServicePort[] | undefined }) {
  if (!ports || ports.length === 0) return <Text c="dimmed" size="sm">None</Text>;
  return (
    <Table aria-label="Ports" fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Port</Table.Th>
          <Table.Th>Target port</Table.Th>
          <Table.Th>Node port</Table.Th>
          <Table.Th>Protocol</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ports.map((port) => (
          <Table.Tr key={`${port.name ?? ""}-${port.port}-${port.protocol ?? "TCP"}`}>
            <Table.Td>{port.name ?? "—"}</Table.Td>
            <Table.Td>{port.port}</Table.Td>
            <Table.Td>{port.targetPort ?? port.port}</Table.Td>
            <Table.Td>{port.nodePort ?? "—"}</Table.Td>
            <Table.Td>{port.protocol ?? "TCP"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function EndpointsTable({ related }: { related: ServiceRelated | undefined }) {
  if (!related) return <Text c="dimmed" size="sm">Loading…</Text>;
  if (!related.endpoints) return <Text c="dimmed" size="sm">Not shown: {related.endpointsHidden}.</Text>;
  if (related.endpoints.length === 0) return <Text c="dimmed" size="sm">None: no pod is selected and ready to receive traffic</Text>;
  return (
    <Table aria-label="Endpoints" fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Address</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Pod</Table.Th>
          <Table.Th>Node</Table.Th>
          <Table.Th>Ports</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {related.endpoints.map((endpoint) => (
          <Table.Tr key={endpoint.address}>
            <Table.Td>{endpoint.address}</Table.Td>
            <Table.Td><EndpointState endpoint={endpoint} /></Table.Td>
            <Table.Td>
              {endpoint.pod ? <PodLink pod={endpoint.pod} /> : "—"} {endpoint.pod && "status" in endpoint.pod && <PodStatusBadge status={endpoint.pod.status} />}
            </Table.Td>
            <Table.Td>{endpoint.node ?? "—"}</Table.Td>
            <Table.Td>{endpoint.ports.join(", ") || "—"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function EndpointState({ endpoint }: { endpoint: EndpointBrief }) {
  const text = endpoint.terminating ? "Terminating" : endpoint.ready ? "Ready" : "Not ready";
  const colour = endpoint.terminating ? "gray" : endpoint.ready ? "green" : "red";
  return <Badge size="sm" variant="light" color={colour} tt="none" styles={{ root: { overflow: "visible" }, label: { overflow: "visible" } }}>{text}</Badge>;
}
