import type { ObjectStore } from "../../store";
import type { ContainerSpecView, PodView } from "../../logs/podView";
import type { ImageTraits } from "./imageTraits";

const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const apiServiceIp = "10.96.0.1";

/** Service links as the kubelet injects them: FOO_SERVICE_HOST, FOO_PORT_80_TCP… */
function serviceVariables(name: string, clusterIp: string, ports: { port: number; protocol?: string; name?: string }[]): Record<string, string> {
  const prefix = name.toUpperCase().replace(/-/g, "_");
  const first = ports[0];
  if (!first) return {};
  const vars: Record<string, string> = { [`${prefix}_SERVICE_HOST`]: clusterIp, [`${prefix}_SERVICE_PORT`]: String(first.port) };
  vars[`${prefix}_PORT`] = `${(first.protocol ?? "TCP").toLowerCase()}://${clusterIp}:${first.port}`;
  for (const port of ports) {
    const proto = (port.protocol ?? "TCP").toUpperCase();
    const key = `${prefix}_PORT_${port.port}_${proto}`;
    if (port.name) vars[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, "_")}`] = String(port.port);
    Object.assign(vars, { [key]: `${proto.toLowerCase()}://${clusterIp}:${port.port}`, [`${key}_PROTO`]: proto.toLowerCase(), [`${key}_PORT`]: String(port.port), [`${key}_ADDR`]: clusterIp });
  }
  return vars;
}

function namespaceServices(store: ObjectStore, namespace: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const service of store.list("services", namespace)) {
    const spec = (service.spec ?? {}) as { clusterIP?: string; ports?: { port: number; protocol?: string; name?: string }[] };
    if (!spec.clusterIP || spec.clusterIP === "None") continue;
    Object.assign(vars, serviceVariables(service.metadata.name, spec.clusterIP, spec.ports ?? []));
  }
  return vars;
}

function lookupKey(store: ObjectStore, resource: "configmaps" | "secrets", namespace: string, name: string, key: string): string | undefined {
  const object = store.get(resource, namespace, name);
  if (!object) return undefined;
  if (resource === "configmaps") return (object.data as Record<string, string> | undefined)?.[key];
  const encoded = (object.data as Record<string, string> | undefined)?.[key];
  return encoded === undefined ? (object.stringData as Record<string, string> | undefined)?.[key] : Buffer.from(encoded, "base64").toString("utf8");
}

function fieldValue(pod: PodView, path: string): string | undefined {
  const fields: Record<string, string | undefined> = {
    "metadata.name": pod.metadata.name, "metadata.namespace": pod.metadata.namespace, "metadata.uid": pod.metadata.uid,
    "spec.nodeName": pod.spec.nodeName, "spec.serviceAccountName": pod.spec.serviceAccountName ?? "default",
    "status.podIP": pod.status.podIP, "status.hostIP": pod.status.hostIP,
  };
  return fields[path];
}

/** The container's environment: image defaults, service links, then the spec's env (which wins). */
export function containerEnvironment(pod: PodView, container: ContainerSpecView, traits: ImageTraits, store: ObjectStore): Map<string, string> {
  const namespace = pod.metadata.namespace ?? "default";
  const env = new Map<string, string>([["PATH", defaultPath], ["HOSTNAME", pod.metadata.name], ["HOME", "/root"]]);
  for (const [k, v] of Object.entries(traits.imageEnv)) env.set(k, v);
  for (const [k, v] of Object.entries(namespaceServices(store, namespace))) env.set(k, v);
  const api = { KUBERNETES_SERVICE_HOST: apiServiceIp, KUBERNETES_SERVICE_PORT: "443", KUBERNETES_SERVICE_PORT_HTTPS: "443", KUBERNETES_PORT: `tcp://${apiServiceIp}:443`, KUBERNETES_PORT_443_TCP: `tcp://${apiServiceIp}:443`, KUBERNETES_PORT_443_TCP_PROTO: "tcp", KUBERNETES_PORT_443_TCP_PORT: "443", KUBERNETES_PORT_443_TCP_ADDR: apiServiceIp };
  for (const [k, v] of Object.entries(api)) env.set(k, v);
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    const value = variable.value
      ?? (from?.fieldRef ? fieldValue(pod, from.fieldRef.fieldPath) : undefined)
      ?? (from?.configMapKeyRef ? lookupKey(store, "configmaps", namespace, from.configMapKeyRef.name, from.configMapKeyRef.key) : undefined)
      ?? (from?.secretKeyRef ? lookupKey(store, "secrets", namespace, from.secretKeyRef.name, from.secretKeyRef.key) : undefined);
    env.set(variable.name, (value ?? "").replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => env.get(name) ?? whole));
  }
  return env;
}
