import { Text } from "@mantine/core";
import { formatObjectRef } from "@/lib/k8s/objectRef";
import { formatServicePorts, type EndpointCount } from "@/lib/k8s/serviceSummary";
import type { Service } from "@/lib/k8s/types";
import type { ColumnSpec } from "./ResourceTable";
import { Age } from "./Age";

export interface ServiceRow {
  id: string;
  name: string;
  namespace: string;
  type: string;
  clusterIP: string;
  ports: string;
  endpoints: EndpointCount;
  createdAt?: string;
}

export function toServiceRow(service: Service, endpoints: EndpointCount | undefined): ServiceRow {
  const namespace = service.metadata.namespace ?? "";
  return {
    id: formatObjectRef({ resource: "services", namespace, name: service.metadata.name }),
    name: service.metadata.name,
    namespace,
    type: service.spec?.type ?? "ClusterIP",
    clusterIP: service.spec?.clusterIP ?? "",
    ports: formatServicePorts(service.spec?.ports),
    endpoints: endpoints ?? { ready: 0, total: 0 },
    createdAt: service.metadata.creationTimestamp,
  };
}

export const serviceColumns: ColumnSpec<ServiceRow>[] = [
  { id: "name", header: "Name", value: (r) => r.name, width: "22%", render: (r) => <Text fw={500} size="sm" truncate>{r.name}</Text> },
  { id: "namespace", header: "Namespace", value: (r) => r.namespace, width: "13%" },
  { id: "type", header: "Type", value: (r) => r.type, width: "11%" },
  { id: "clusterIP", header: "Cluster IP", value: (r) => r.clusterIP, width: "13%" },
  { id: "ports", header: "Ports", value: (r) => r.ports, width: "17%" },
  {
    id: "endpoints",
    header: "Endpoints",
    value: (r) => r.endpoints.ready,
    numeric: true,
    width: "12%",
    render: (r) => (
      <Text size="sm" c={r.endpoints.total > 0 && r.endpoints.ready === 0 ? "red" : undefined}>
        {r.endpoints.ready}/{r.endpoints.total} ready
      </Text>
    ),
  },
  { id: "age", header: "Age", value: (r) => -(r.createdAt ? Date.parse(r.createdAt) : 0), numeric: true, width: "8%", render: (r) => <Age timestamp={r.createdAt} /> },
];
