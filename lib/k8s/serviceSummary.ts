import type { EndpointSlice, Service, ServicePort } from "./types";

export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

/** Ports as kubectl prints them: "80/TCP", "80:30080/TCP"; "<none>" when there are none. */
export function formatServicePorts(ports: readonly ServicePort[] | undefined): string {
  if (!ports || ports.length === 0) return "<none>";
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`).join(",");
}

export interface EndpointCount {
  ready: number;
  total: number;
}

/** Ready and total endpoints per service ("namespace/name"), from the EndpointSlices that name it. */
export function countEndpointsByService(slices: readonly EndpointSlice[]): Map<string, EndpointCount> {
  const counts = new Map<string, EndpointCount>();
  for (const slice of slices) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!service) continue;
    const key = `${slice.metadata.namespace ?? ""}/${service}`;
    const count = counts.get(key) ?? { ready: 0, total: 0 };
    for (const endpoint of slice.endpoints ?? []) {
      count.total++;
      // An endpoint without a ready condition counts as ready, as the API defines.
      if (endpoint.conditions?.ready !== false) count.ready++;
    }
    counts.set(key, count);
  }
  return counts;
}

export function serviceKey(service: Service): string {
  return `${service.metadata.namespace ?? ""}/${service.metadata.name}`;
}
