import { describe, expect, test } from "vitest";
import { lookupDetails, type DetailsCache } from "./details";
import type { KubeObject } from "@/lib/k8s/types";

const pod: KubeObject = { kind: "Pod", metadata: { name: "web-1", namespace: "shop", uid: "p1" } };
const node: KubeObject = { kind: "Node", metadata: { name: "node-1", uid: "n1" } };

const cache: DetailsCache = {
  get: (kind, namespace, name) => [pod, node].find((o) => o.kind?.toLowerCase() + "s" === kind && o.metadata.namespace === namespace && o.metadata.name === name),
  byUid: () => undefined,
  eventsFor: (uid) => (uid === "p1" ? [{ metadata: { name: "e1" }, reason: "Scheduled", message: "assigned" }] : []),
};

describe("lookupDetails", () => {
  test("describes a namespaced object", () => {
    const answer = lookupDetails(cache, "pods", ["shop", "web-1"]);
    expect(answer.status).toBe(200);
    if (answer.status === 200) {
      expect(answer.body.object.metadata.name).toBe("web-1");
      expect(answer.body.yaml).toContain("namespace: shop");
      expect(answer.body.events[0]!.reason).toBe("Scheduled");
    }
  });

  test("describes a cluster-scoped object by name alone", () => {
    expect(lookupDetails(cache, "nodes", ["node-1"]).status).toBe(200);
  });

  test("answers 404 with the name and namespace for a missing object", () => {
    expect(lookupDetails(cache, "pods", ["shop", "gone"])).toEqual({ status: 404, body: { error: 'pods "gone" not found in namespace "shop"; it may have been deleted' } });
  });

  test("answers 400 for an unknown kind, Secrets included", () => {
    const answer = lookupDetails(cache, "secrets", ["shop", "token"]);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.stringMatching(/^unknown kind "secrets"; expected one of pods/) });
  });

  test("answers 400 with the right shape for a wrong path", () => {
    expect(lookupDetails(cache, "pods", ["web-1"]).body).toEqual({ error: "pods are namespaced: use /api/resources/pods/<namespace>/<name>" });
    expect(lookupDetails(cache, "nodes", ["a", "b"]).body).toEqual({ error: "nodes are cluster-scoped: use /api/resources/nodes/<name>" });
  });
});
