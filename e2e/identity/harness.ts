import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AccessService } from "@/server/access/accessService";
import type { Person } from "@/server/auth/person";
import type { ClusterCache } from "@/server/kube/cache";
import type { ClusterConnection } from "@/server/kube/connect";
import type { UpgradeHandler } from "@/server/http/upgradeRouter";
import type { KubeObject } from "@/server/kube/types";
import { createStreamServer, type StreamServer } from "@/server/stream/streamServer";

/** A pod that only has to exist as an API object (kwok may or may not run it). */
export function testPod(name: string, namespace: string): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace, labels: { "orrery.dev/test": "identity" } }, spec: { containers: [{ name: "c", image: "registry.invalid/pause:1" }] } };
}

/** Creates a pod with the admin connection; throws with the apiserver's message on failure. */
export async function createPod(admin: ClusterConnection, pod: KubeObject): Promise<void> {
  const response = await admin.request(`/api/v1/namespaces/${pod.metadata.namespace}/pods`, { method: "POST", body: pod });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`creating pod ${pod.metadata.namespace}/${pod.metadata.name} answered ${response.status}: ${text.slice(0, 300)}`);
}

export async function deletePod(admin: ClusterConnection, namespace: string, name: string): Promise<void> {
  const response = await admin.request(`/api/v1/namespaces/${namespace}/pods/${name}?gracePeriodSeconds=0`, { method: "DELETE" });
  await response.text();
}

/** Creates a namespace unless it exists. */
export async function ensureNamespace(admin: ClusterConnection, name: string): Promise<void> {
  const response = await admin.request("/api/v1/namespaces", { method: "POST", body: { apiVersion: "v1", kind: "Namespace", metadata: { name } } });
  await response.text();
  if (response.status !== 201 && response.status !== 409) throw new Error(`creating namespace ${name} answered ${response.status}`);
}

export async function deleteNamespace(admin: ClusterConnection, name: string): Promise<void> {
  const response = await admin.request(`/api/v1/namespaces/${name}`, { method: "DELETE" });
  await response.text();
}

/** A socket server (stream or exec) behind its own loopback HTTP server, answering upgrades on any path. */
export async function serveUpgrades(sockets: { handleUpgrade: UpgradeHandler; close(): Promise<void> }, path: string): Promise<{ url: string; stop(): Promise<void> }> {
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => sockets.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}${path}`,
    stop: async () => {
      await sockets.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Serves /api/stream from `cache` for one person on a loopback port, filtered through `service`. */
export function serveStreamFor(cache: ClusterCache, service: AccessService, person: Person): Promise<{ url: string; stop(): Promise<void> }> {
  const stream: StreamServer = createStreamServer({ cache, coalesceMs: 0, authorize: () => ({ ok: true, person }), accessFor: (p) => service.accessFor(p) });
  return serveUpgrades(stream, "/api/stream");
}
