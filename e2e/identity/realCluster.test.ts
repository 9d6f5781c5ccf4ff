import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AccessService } from "@/server/access/accessService";
import type { Person } from "@/server/auth/person";
import { connectionFor } from "@/server/kube/asPerson";
import { ClusterCache } from "@/server/kube/cache";
import { connectFromKubeconfig, type ClusterConnection } from "@/server/kube/connect";
import { setLogLevel } from "@/server/log";
import { TestClient } from "@/server/stream/testing/testClient";
import { detectRealCluster } from "../contract/targets/realCluster";
import { createPod, deleteNamespace, deletePod, ensureNamespace, serveStreamFor, testPod } from "./harness";

// bob has ClusterRole edit through a RoleBinding in team-a only (e2e/cluster/manifests/identities.yaml);
// Orrery connects as `orrery` (read + impersonate + SubjectAccessReviews), as deployed.
const cluster = detectRealCluster();
const bob: Person = { name: "bob", groups: [], via: "session", readOnly: false };
const suffix = randomBytes(3).toString("hex");
const elsewhere = `orrery-identity-${suffix}`;

let admin: ClusterConnection;
let orrery: ClusterConnection;
let cache: ClusterCache;
let service: AccessService;
const created: [string, string][] = [];

async function podIn(namespace: string, name: string): Promise<void> {
  await createPod(admin, testPod(name, namespace));
  created.push([namespace, name]);
}

describe.skipIf(!cluster.running)(`identity on the real control plane (${cluster.reason})`, () => {
  beforeAll(async () => {
    setLogLevel("warn");
    admin = connectFromKubeconfig({ path: cluster.env.ORRERY_CLUSTER_KUBECONFIG_ADMIN });
    orrery = connectFromKubeconfig({ path: cluster.env.ORRERY_CLUSTER_KUBECONFIG_ORRERY });
    await ensureNamespace(admin, elsewhere);
    await podIn("team-a", `bob-sees-${suffix}`);
    await podIn(elsewhere, `bob-never-${suffix}`);
    cache = new ClusterCache(orrery);
    cache.start();
    await cache.whenSynced();
    service = new AccessService({ connection: orrery, namespaces: () => cache.list("namespaces").map((ns) => ns.metadata.name), mode: "impersonate" });
  });

  afterAll(async () => {
    await cache?.stop();
    for (const [namespace, name] of created) await deletePod(admin, namespace, name);
    if (admin) await deleteNamespace(admin, elsewhere);
  });

  test("bob's visible namespaces are discovered as exactly team-a", async () => {
    expect(cache.list("namespaces").map((ns) => ns.metadata.name)).toEqual(expect.arrayContaining(["team-a", "kube-system", elsewhere]));
    const access = service.accessFor(bob);
    expect(await access.visibleNamespaces()).toEqual(["team-a"]);
    expect(await access.listScope("pods")).toEqual({ all: false, namespaces: new Set(["team-a"]) });
    expect(await access.listScope("nodes")).toEqual({ all: false, namespaces: new Set() });
    expect(await access.listScope("namespaces")).toEqual({ all: false, namespaces: new Set(["team-a"]) });
  });

  test("the stream sends bob only team-a's pods, in the snapshot and in deltas", async () => {
    const served = await serveStreamFor(cache, service, bob);
    const client = await TestClient.connect(served.url);
    try {
      client.send({ type: "subscribe", id: "pods", resource: "pods" });
      const snapshot = await client.next("snapshot", 15_000);
      expect(snapshot.items.length).toBeGreaterThan(0);
      expect(new Set(snapshot.items.map((pod) => pod.metadata.namespace))).toEqual(new Set(["team-a"]));
      expect(snapshot.items.map((pod) => pod.metadata.name)).toContain(`bob-sees-${suffix}`);
      await podIn(elsewhere, `later-never-${suffix}`);
      await podIn("team-a", `later-sees-${suffix}`);
      const delta = await client.next("delta", 15_000, (d) => d.changes.some((c) => c.object.metadata.name === `later-sees-${suffix}`));
      expect(delta.changes.every((c) => c.object.metadata.namespace === "team-a")).toBe(true);
      const everything = client.messages.flatMap((m) => (m.type === "delta" ? m.changes : []));
      expect(everything.filter((c) => c.object.metadata.namespace !== "team-a")).toEqual([]);
      client.send({ type: "subscribe", id: "ks", resource: "pods", namespace: "kube-system" });
      expect(await client.next("error", 10_000)).toEqual({ type: "error", id: "ks", message: "you may not list pods in namespace kube-system" });
    } finally {
      client.close();
      await served.stop();
    }
  });

  test("bob may exec in team-a and not in kube-system", async () => {
    const access = service.accessFor(bob);
    const exec = (namespace: string) => ({ group: "", resource: "pods", subresource: "exec", namespace });
    expect(await access.can("create", exec("kube-system"))).toBe(false);
    expect(await access.can("create", exec("team-a"))).toBe(true);
  });

  test("requests made as bob into kube-system are refused 403 by the apiserver itself", async () => {
    const asBob = connectionFor(orrery, bob, "impersonate");
    const list = await asBob.request("/api/v1/namespaces/kube-system/pods");
    expect(list.status).toBe(403);
    expect(((await list.json()) as { message: string }).message).toBe('pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "kube-system"');
    const exec = await asBob.request("/api/v1/namespaces/kube-system/pods/any/exec?command=ls&stdout=true", { method: "POST" });
    expect(exec.status).toBe(403);
    expect(((await exec.json()) as { message: string }).message).toBe('pods "any" is forbidden: User "bob" cannot create resource "pods/exec" in API group "" in the namespace "kube-system"');
    const inTeamA = await asBob.request("/api/v1/namespaces/team-a/pods");
    expect(inTeamA.status).toBe(200);
    await inTeamA.text();
  });
});
