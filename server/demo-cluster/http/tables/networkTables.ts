import type { KubeObject } from "@/server/kube/types";
import { field, list, num, str, strings, stringMap } from "../objectAccess";
import { formatLabels } from "../labelSelector";
import { age, ageColumn, column, nameColumn, type TablePrinter } from "./columns";

const loadBalancerWidth = 16;

function loadBalancerIPs(o: KubeObject, wide: boolean): string {
  const ips = new Set<string>();
  for (const ingress of list(field(o, "status", "loadBalancer", "ingress"))) {
    const value = str(ingress.ip) || str(ingress.hostname);
    if (value) ips.add(value);
  }
  const joined = [...ips].sort().join(",");
  return !wide && joined.length > loadBalancerWidth ? `${joined.slice(0, loadBalancerWidth - 3)}...` : joined;
}

/** getServiceExternalIP, with the wide form kube-apiserver's tables always use. */
function externalIP(svc: KubeObject): string {
  const external = strings(field(svc, "spec", "externalIPs"));
  switch (str(field(svc, "spec", "type"))) {
    case "ClusterIP":
    case "NodePort":
      return external.length > 0 ? external.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerIPs(svc, true);
      if (external.length > 0) return [...(lb ? lb.split(",") : []), ...external].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return str(field(svc, "spec", "externalName"));
  }
  return "<unknown>";
}

function servicePorts(svc: KubeObject): string {
  const ports = list(field(svc, "spec", "ports")).map((p) => {
    const protocol = str(p.protocol, "TCP");
    return num(p.nodePort) > 0 ? `${num(p.port)}:${num(p.nodePort)}/${protocol}` : `${num(p.port)}/${protocol}`;
  });
  return ports.join(",") || "<none>";
}

export const servicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Type", "type determines how the Service is exposed."),
    column("Cluster-IP", "clusterIP is the IP address of the service."),
    column("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
    column("Port(s)", "The list of ports that are exposed by this service."),
    ageColumn,
    column("Selector", "Route service traffic to pods with label keys and values matching this selector.", { priority: 1 }),
  ],
  cells: (svc, now) => [
    svc.metadata.name, str(field(svc, "spec", "type")), strings(field(svc, "spec", "clusterIPs"))[0] ?? "<none>",
    externalIP(svc), servicePorts(svc), age(svc, now), formatLabels(stringMap(field(svc, "spec", "selector"))),
  ],
};

/** listWithMoreString: at most three entries, then "+ N more...". */
function firstThree(values: string[], emptyText: string): string {
  if (values.length === 0) return emptyText;
  const shown = values.slice(0, 3).join(",");
  return values.length > 3 ? `${shown} + ${values.length - 3} more...` : shown;
}

function endpointAddresses(o: KubeObject): string {
  const out: string[] = [];
  for (const subset of list(o.subsets)) {
    const addresses = list(subset.addresses).map((a) => str(a.ip));
    const ports = list(subset.ports);
    if (ports.length === 0) out.push(...addresses);
    for (const port of ports) for (const ip of addresses) out.push(ip.includes(":") ? `[${ip}]:${num(port.port)}` : `${ip}:${num(port.port)}`);
  }
  return firstThree(out, "<none>");
}

export const endpointsPrinter: TablePrinter = {
  columns: [nameColumn, column("Endpoints", "The set of all endpoints is the union of all subsets."), ageColumn],
  cells: (o, now) => [o.metadata.name, endpointAddresses(o), age(o, now)],
};

export const endpointSlicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("AddressType", "addressType specifies the type of address carried by this EndpointSlice."),
    column("Ports", "ports specifies the list of network ports exposed by each endpoint in this slice."),
    column("Endpoints", "endpoints is a list of unique endpoints in this slice."),
    ageColumn,
  ],
  cells: (o, now) => {
    const ports = list(o.ports).map((p) => (typeof p.port === "number" ? String(p.port) : str(p.name) || "*"));
    const addresses = list(o.endpoints).flatMap((e) => strings(e.addresses));
    return [o.metadata.name, str(o.addressType), firstThree(ports, "<unset>"), firstThree(addresses, "<unset>"), age(o, now)];
  },
};

function ingressHosts(o: KubeObject): string {
  const rules = list(field(o, "spec", "rules"));
  const hosts = rules.slice(0, 3).map((r) => str(r.host)).filter((h) => h !== "");
  if (hosts.length === 0) return "*";
  return rules.length > 3 ? `${hosts.join(",")} + ${rules.length - 3} more...` : hosts.join(",");
}

export const ingressPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Class", "The name of the IngressClass resource that should be used for additional configuration"),
    column("Hosts", "Hosts that incoming requests are matched against before the ingress rule"),
    column("Address", "Address is a list containing ingress points for the load-balancer"),
    column("Ports", "Ports of TLS configurations that open"),
    ageColumn,
  ],
  cells: (o, now) => [
    o.metadata.name, str(field(o, "spec", "ingressClassName")) || "<none>", ingressHosts(o), loadBalancerIPs(o, true),
    list(field(o, "spec", "tls")).length > 0 ? "80, 443" : "80", age(o, now),
  ],
};
