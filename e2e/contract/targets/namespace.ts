import { randomBytes } from "node:crypto";
import type { ClusterConnection } from "@/server/kube/connect";

/** Creates a namespace no earlier run used, so every run starts from nothing. */
export async function createFreshNamespace(connection: ClusterConnection, prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString("hex")}`;
  const res = await connection.request("/api/v1/namespaces", { method: "POST", body: { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "orrery.dev/contract": "true" } } } });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`creating namespace ${name} answered ${res.status}: ${text.slice(0, 300)}`);
  return name;
}

/** Deletes the run's namespace; its contents go with it (background deletion, nothing waited for). */
export async function deleteNamespace(connection: ClusterConnection, name: string): Promise<void> {
  const res = await connection.request(`/api/v1/namespaces/${name}`, { method: "DELETE" });
  await res.text();
  if (res.status !== 200 && res.status !== 202 && res.status !== 404) throw new Error(`deleting namespace ${name} answered ${res.status}`);
}
