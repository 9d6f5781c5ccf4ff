import { readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from "js-yaml";
import { beforeAll, describe, expect, test } from "vitest";
import type { Person } from "@/server/auth/person";
import { connectionFor, IdentityRefusedError } from "@/server/kube/asPerson";
import { connectFromKubeconfig, type ClusterConnection } from "@/server/kube/connect";
import { detectRealCluster } from "../contract/targets/realCluster";

// What Orrery's own identity (`orrery`, bound to orrery-reader as deploy/kubernetes/rbac.yaml binds its ServiceAccount)
// may do on the real control plane, judged by the apiserver's own RBAC over every binding in the cluster.
const cluster = detectRealCluster();
const root = path.resolve(__dirname, "..", "..");

let admin: ClusterConnection;
let orrery: ClusterConnection;

async function jsonOf<T>(response: Awaited<ReturnType<ClusterConnection["request"]>>): Promise<T> {
  return (await response.json()) as T;
}

/** Gives the running cluster's orrery-reader the rules of the repository's manifest, as e2e/cluster/up.sh applies them. */
async function applyOrreryRole(): Promise<void> {
  const documents = loadAll(readFileSync(path.join(root, "e2e/cluster/manifests/identities.yaml"), "utf8")) as { kind?: string; metadata?: { name?: string }; rules?: unknown[] }[];
  const role = documents.find((doc) => doc?.kind === "ClusterRole" && doc.metadata?.name === "orrery-reader");
  if (!role) throw new Error("identities.yaml has no ClusterRole orrery-reader");
  const rolePath = "/apis/rbac.authorization.k8s.io/v1/clusterroles/orrery-reader";
  const current = await jsonOf<{ metadata: Record<string, unknown> }>(await admin.request(rolePath));
  const response = await admin.request(rolePath, { method: "PUT", body: { ...role, metadata: current.metadata } });
  if (response.status !== 200) throw new Error(`updating orrery-reader answered ${response.status}: ${await response.text()}`);
  await response.text();
}

/** Whether the apiserver lets Orrery's own identity do `verb` on `resource` (a SelfSubjectAccessReview as orrery). */
async function orreryMay(attributes: Record<string, string>): Promise<boolean> {
  const body = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: attributes } };
  const review = await jsonOf<{ status?: { allowed?: boolean } }>(await orrery.request("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { method: "POST", body }));
  return review.status?.allowed === true;
}

describe.skipIf(!cluster.running)(`Orrery's own rights on the real control plane (${cluster.reason})`, () => {
  beforeAll(async () => {
    admin = connectFromKubeconfig({ path: cluster.env.ORRERY_CLUSTER_KUBECONFIG_ADMIN });
    orrery = connectFromKubeconfig({ path: cluster.env.ORRERY_CLUSTER_KUBECONFIG_ORRERY });
    await applyOrreryRole();
  });

  test("Orrery's identity cannot GET nodes/proxy (the kubelet's API, exec included)", async () => {
    const nodes = await jsonOf<{ items: { metadata: { name: string } }[] }>(await admin.request("/api/v1/nodes"));
    const node = nodes.items[0]?.metadata.name;
    expect(node).toBeDefined();
    expect(await orreryMay({ verb: "get", resource: "nodes", subresource: "proxy", name: node! })).toBe(false);
    const proxied = await orrery.request(`/api/v1/nodes/${node}/proxy/pods`);
    expect(proxied.status).toBe(403);
    expect((await jsonOf<{ message: string }>(proxied)).message).toBe(`nodes "${node}" is forbidden: User "orrery" cannot get resource "nodes/proxy" in API group "" at the cluster scope`);
    // The cache's own reads still work.
    expect(await orreryMay({ verb: "list", resource: "nodes" })).toBe(true);
  });

  test("the apiserver would let Orrery impersonate system:masters, and Orrery refuses to", async () => {
    // What the manifest's comment warns about: impersonate on groups is any group, system:masters included.
    expect(await orreryMay({ verb: "impersonate", resource: "groups", name: "system:masters" })).toBe(true);
    const mallory: Person = { name: "mallory", groups: ["system:masters"], via: "session", readOnly: false };
    expect(() => connectionFor(orrery, mallory, "impersonate")).toThrow(IdentityRefusedError);
    // An ordinary person is impersonated as before, and gets no more than RBAC gives them.
    const asCarol = connectionFor(orrery, { name: "carol", groups: ["system:authenticated"], via: "session", readOnly: false }, "impersonate");
    const nodes = await asCarol.request("/api/v1/nodes");
    expect(nodes.status).toBe(403);
    await nodes.text();
  });
});
