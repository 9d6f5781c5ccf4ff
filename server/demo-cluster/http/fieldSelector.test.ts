import { describe, expect, test } from "vitest";
import { findResource } from "../resources";
import { matchesFields, parseFieldSelector, pinnedName } from "./fieldSelector";
import { node, pod } from "./testing/fixtures";

const pods = findResource("v1", "pods")!;
const nodes = findResource("v1", "nodes")!;
const events = findResource("v1", "events")!;

describe("parseFieldSelector", () => {
  test("selects pods by node and phase, with != as kubectl describe node sends", () => {
    const selector = parseFieldSelector("spec.nodeName=node-1,status.phase!=Succeeded,status.phase!=Failed", pods);
    expect(matchesFields(selector, pod("a", { node: "node-1" }))).toBe(true);
    expect(matchesFields(selector, pod("b", { node: "node-2" }))).toBe(false);
    expect(matchesFields(selector, pod("c", { node: "node-1", phase: "Succeeded" }))).toBe(false);
  });

  test("selects events by involved object", () => {
    const event = { metadata: { name: "e1", namespace: "default" }, involvedObject: { kind: "Pod", name: "web", namespace: "default", uid: "u1" }, type: "Warning" };
    expect(matchesFields(parseFieldSelector("involvedObject.name=web,involvedObject.uid=u1,type==Warning", events), event)).toBe(true);
    expect(matchesFields(parseFieldSelector("involvedObject.kind=Node", events), event)).toBe(false);
  });

  test("offers metadata.namespace only for namespaced resources", () => {
    expect(() => parseFieldSelector("metadata.namespace=default", nodes)).toThrowError(/field label not supported: metadata.namespace/);
    expect(matchesFields(parseFieldSelector("spec.unschedulable=true", nodes), node("n", { unschedulable: true }))).toBe(true);
  });

  test("answers 400 for an unknown field, like kube-apiserver", () => {
    expect(() => parseFieldSelector("spec.foo=bar", pods)).toThrowError(expect.objectContaining({ code: 400, message: "field label not supported: spec.foo" }));
  });

  test("words the refusal like the default conversion for kinds without their own, such as ConfigMaps and ReplicaSets", () => {
    const message = '"data.key" is not a known field selector: only "metadata.name", "metadata.namespace"';
    expect(() => parseFieldSelector("data.key=1", findResource("v1", "configmaps")!)).toThrowError(expect.objectContaining({ code: 400, message }));
    expect(() => parseFieldSelector("status.replicas=0", findResource("apps/v1", "replicasets")!)).toThrowError(/"status.replicas" is not a known field selector/);
    expect(parseFieldSelector("spec.type=ClusterIP", findResource("v1", "services")!)).toHaveLength(1);
  });

  test("honours escaped commas and finds a pinned name", () => {
    const selector = parseFieldSelector("metadata.name=a\\,b", pods);
    expect(selector[0]!.value).toBe("a,b");
    expect(pinnedName(selector)).toBe("a,b");
    expect(pinnedName(parseFieldSelector("metadata.name!=a", pods))).toBeUndefined();
  });
});
