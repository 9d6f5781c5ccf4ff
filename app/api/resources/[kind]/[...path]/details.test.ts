import { describe, expect, test } from "vitest";
import { lookupDetails, lookupDetailsFor, type DetailsAccess, type DetailsCache } from "./details";
import type { KubeObject } from "@/lib/k8s/types";
import type { ApiErrorBody } from "@/lib/wire/apiError";
import { toErrorResponse } from "@/server/http/errors";
import { nothingRelated } from "./testing/detailsCache";

/** The status and body the route answers when the lookup fails (withRoute maps the thrown error). */
async function refusalOf(lookup: () => unknown): Promise<{ status: number; body: ApiErrorBody }> {
  try {
    await lookup();
  } catch (error) {
    const response = toErrorResponse(error);
    return { status: response.status, body: (await response.json()) as ApiErrorBody };
  }
  throw new Error("the lookup succeeded");
}

const pod: KubeObject = { kind: "Pod", metadata: { name: "web-1", namespace: "shop", uid: "p1" } };
const node: KubeObject = { kind: "Node", metadata: { name: "node-1", uid: "n1" } };

const cache: DetailsCache = {
  ...nothingRelated,
  get: (kind, namespace, name) => [pod, node].find((o) => o.kind?.toLowerCase() + "s" === kind && o.metadata.namespace === namespace && o.metadata.name === name),
  byUid: () => undefined,
  eventsFor: (uid) => (uid === "p1" ? [{ metadata: { name: "e1" }, reason: "Scheduled", message: "assigned" }] : []),
};

describe("lookupDetails", () => {
  test("describes a namespaced object", () => {
    const details = lookupDetails(cache, "pods", ["shop", "web-1"]);
    expect(details.object.metadata.name).toBe("web-1");
    expect(details.yaml).toContain("namespace: shop");
    expect(details.events[0]!.reason).toBe("Scheduled");
  });

  test("describes a cluster-scoped object by name alone", () => {
    expect(lookupDetails(cache, "nodes", ["node-1"]).object.metadata.name).toBe("node-1");
  });

  test("answers 404 with the name and namespace for a missing object", async () => {
    expect(await refusalOf(() => lookupDetails(cache, "pods", ["shop", "gone"]))).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: 'pods "gone" not found in namespace "shop"; it may have been deleted' } },
    });
  });

  test("answers 400 for an unknown kind, Secrets included", async () => {
    const refusal = await refusalOf(() => lookupDetails(cache, "secrets", ["shop", "token"]));
    expect(refusal.status).toBe(400);
    expect(refusal.body).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/^unknown kind "secrets"; expected one of pods/) } });
  });

  test("answers 400 with the right shape for a wrong path", async () => {
    expect((await refusalOf(() => lookupDetails(cache, "pods", ["web-1"]))).body.error.message).toBe("pods are namespaced: use /api/resources/pods/<namespace>/<name>");
    expect((await refusalOf(() => lookupDetails(cache, "nodes", ["a", "b"]))).body.error.message).toBe("nodes are cluster-scoped: use /api/resources/nodes/<name>");
  });
});

describe("lookupDetailsFor", () => {
  const rs: KubeObject = { kind: "ReplicaSet", metadata: { name: "web-abc", namespace: "shop", uid: "rs1", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "d1", controller: true }] } };
  const deploy: KubeObject = { kind: "Deployment", metadata: { name: "web", namespace: "shop", uid: "d1" } };
  const owned: KubeObject = { kind: "Pod", metadata: { name: "web-abc-1", namespace: "shop", uid: "p2", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-abc", uid: "rs1", controller: true }] } };
  const shop: KubeObject = { kind: "Namespace", metadata: { name: "shop", uid: "ns1" } };
  const objects = [owned, rs, deploy, shop];
  const richCache: DetailsCache = {
    ...nothingRelated,
    get: (kind, namespace, name) => objects.find((o) => o.kind?.toLowerCase() + "s" === kind && o.metadata.namespace === namespace && o.metadata.name === name),
    byUid: (uid) => objects.find((o) => o.metadata.uid === uid),
    eventsFor: (uid) => (uid === "p2" ? [
      { metadata: { name: "e1", namespace: "shop" }, reason: "Pulled", message: "pulled", lastTimestamp: "2025-01-01T00:00:02Z" },
      { metadata: { name: "e2", namespace: "audit" }, reason: "Audited", message: "seen", lastTimestamp: "2025-01-01T00:00:01Z" },
    ] : []),
  };
  const asked: string[] = [];
  /** Allows get on whatever `gettable` names ("kind/namespace/name") and lists events in `eventNamespaces`. */
  const accessAllowing = (gettable: string[], eventNamespaces: string[] = []): DetailsAccess => ({
    can: async (verb, r) => {
      asked.push(`${verb} ${r.group}/${r.resource} ${r.namespace ?? ""}/${r.name ?? ""}`);
      return verb === "get" && gettable.includes(`${r.resource}/${r.namespace ?? ""}/${r.name ?? ""}`);
    },
    canList: async (kind, namespace) => kind === "events" && eventNamespaces.includes(namespace ?? ""),
  });

  test("an object the person may not get is refused as the apiserver refuses it, whether or not it exists", async () => {
    const refusing = { ...accessAllowing([]), person: { name: "admin" } };
    const hidden = await refusalOf(() => lookupDetailsFor(refusing, richCache, "pods", ["shop", "web-abc-1"]));
    const missing = await refusalOf(() => lookupDetailsFor(refusing, richCache, "pods", ["shop", "no-such-pod"]));
    expect(hidden).toEqual({ status: 403, body: { error: { code: "forbidden", message: 'pods "web-abc-1" is forbidden: User "admin" cannot get resource "pods" in API group "" in the namespace "shop"' } } });
    expect(missing).toEqual({ status: 403, body: { error: { code: "forbidden", message: 'pods "no-such-pod" is forbidden: User "admin" cannot get resource "pods" in API group "" in the namespace "shop"' } } });
    const node = await refusalOf(() => lookupDetailsFor(refusing, richCache, "nodes", ["node-1"]));
    expect(node.body.error.message).toBe('nodes "node-1" is forbidden: User "admin" cannot get resource "nodes" in API group "" at the cluster scope');
  });

  test("an object the person may get but that is gone is not found", async () => {
    const missing = await refusalOf(() => lookupDetailsFor(accessAllowing(["pods/shop/no-such-pod"]), richCache, "pods", ["shop", "no-such-pod"]));
    expect(missing).toEqual({ status: 404, body: { error: { code: "not_found", message: 'pods "no-such-pod" not found in namespace "shop"; it may have been deleted' } } });
  });

  test("owners the person may not get are shown as not found, and only events of allowed namespaces are kept", async () => {
    const answer = await lookupDetailsFor(accessAllowing(["pods/shop/web-abc-1", "replicasets/shop/web-abc"], ["shop"]), richCache, "pods", ["shop", "web-abc-1"]);
    expect(answer.owners.map((o) => [o.kind, o.found])).toEqual([["ReplicaSet", true], ["Deployment", false]]);
    expect(answer.events.map((e) => e.reason)).toEqual(["Pulled"]);
    const everything = await lookupDetailsFor(accessAllowing(["pods/shop/web-abc-1", "replicasets/shop/web-abc", "deployments/shop/web"], ["shop", "audit"]), richCache, "pods", ["shop", "web-abc-1"]);
    expect(everything.owners.map((o) => o.found)).toEqual([true, true]);
    expect(everything.events.map((e) => e.reason)).toEqual(["Pulled", "Audited"]);
  });

  test("a Namespace object is checked inside itself, as RoleBindings there can grant it", async () => {
    asked.length = 0;
    expect((await lookupDetailsFor(accessAllowing(["namespaces/shop/shop"]), richCache, "namespaces", ["shop"])).object.metadata.name).toBe("shop");
    expect(asked).toEqual(["get /namespaces shop/shop"]);
  });

  test("a pod says whether the person may exec into it, asked as create on pods/exec", async () => {
    asked.length = 0;
    const execAllowed: DetailsAccess = {
      can: async (verb, r) => {
        asked.push(`${verb} ${r.group}/${r.resource}/${r.subresource ?? ""} ${r.namespace ?? ""}/${r.name ?? ""}`);
        return verb === "get" || (verb === "create" && r.resource === "pods" && r.subresource === "exec" && r.namespace === "shop");
      },
      canList: async () => false,
    };
    const allowed = await lookupDetailsFor(execAllowed, richCache, "pods", ["shop", "web-abc-1"]);
    expect(allowed.actions).toEqual({ exec: true });
    expect(asked).toContain("create /pods/exec shop/web-abc-1");
    const denied = await lookupDetailsFor(accessAllowing(["pods/shop/web-abc-1"]), richCache, "pods", ["shop", "web-abc-1"]);
    expect(denied.actions).toEqual({ exec: false });
  });

  test("objects other than pods carry no actions", async () => {
    const answer = await lookupDetailsFor(accessAllowing(["replicasets/shop/web-abc"]), richCache, "replicasets", ["shop", "web-abc"]);
    expect(answer.actions).toBeUndefined();
  });

  test("bad requests are still told what was wrong, without asking about access", async () => {
    asked.length = 0;
    expect((await refusalOf(() => lookupDetailsFor(accessAllowing([]), richCache, "secrets", ["shop", "x"]))).status).toBe(400);
    expect(asked).toEqual([]);
  });
});
