import { describe, expect, test } from "vitest";
import { denialOf } from "@/server/stream/streamAccess";
import { describeRefusal, grantAdvice, parseRefusal, shellWord } from "./grantAdvice";

const nowhere = { all: false as const, namespaces: new Set<string>() };

describe("parseRefusal", () => {
  test("reads the stream's refusals as verb, resource and namespace", () => {
    expect(parseRefusal(denialOf("pods", undefined, true, nowhere)!)).toEqual({ verb: "list", resource: "pods", group: "" });
    expect(parseRefusal(denialOf("deployments", "shop", true, nowhere)!)).toEqual({ verb: "list", resource: "deployments", group: "apps", namespace: "shop" });
    expect(parseRefusal(denialOf("nodes", undefined, false, nowhere)!)).toEqual({ verb: "list", resource: "nodes", group: "" });
  });

  test("reads the apiserver's Forbidden message", () => {
    const message = 'pods "web-1" is forbidden: User "admin" cannot get resource "pods" in API group "" in the namespace "shop"';
    expect(parseRefusal(message)).toEqual({ verb: "get", resource: "pods", group: "", namespace: "shop" });
    expect(parseRefusal('nodes "n1" is forbidden: User "admin" cannot get resource "nodes" in API group "" at the cluster scope')).toEqual({ verb: "get", resource: "nodes", group: "" });
  });

  test("other sentences are not refusals", () => {
    expect(parseRefusal("could not check whether you may list pods; try again")).toBeUndefined();
  });
});

describe("grantAdvice", () => {
  test("a person refused pods is bound to the view role by user, and by group when they have one", () => {
    const advice = grantAdvice({ verb: "list", resource: "pods", group: "" }, { user: "admin", groups: ["team-a", "system:authenticated"] });
    expect(advice.commands).toEqual(["kubectl create clusterrolebinding orrery-view-admin --clusterrole=view --user=admin"]);
    expect(advice.forGroup).toEqual({ group: "team-a", commands: ["kubectl create clusterrolebinding orrery-view-team-a --clusterrole=view --group=team-a"] });
  });

  test("nodes, which the view role does not read, get a reader role of their own first", () => {
    const advice = grantAdvice({ verb: "list", resource: "nodes", group: "" }, { user: "admin", groups: ["system:authenticated"] });
    expect(advice.commands).toEqual([
      "kubectl create clusterrole orrery-nodes-reader --verb=get,list,watch --resource=nodes",
      "kubectl create clusterrolebinding orrery-nodes-reader-admin --clusterrole=orrery-nodes-reader --user=admin",
    ]);
    expect(advice.forGroup).toBeUndefined();
  });

  test("odd user names are quoted for the shell and made valid in binding names", () => {
    const advice = grantAdvice({ verb: "list", resource: "services", group: "" }, { user: "Jane Doe's", groups: [] });
    expect(advice.commands).toEqual([`kubectl create clusterrolebinding orrery-view-jane-doe-s --clusterrole=view --user='Jane Doe'"'"'s'`]);
  });

  test("an identity Orrery could not learn is left for the admin to fill in", () => {
    expect(grantAdvice({ verb: "get", resource: "pods", group: "" }, { user: null, groups: [] }).commands).toEqual(["kubectl create clusterrolebinding orrery-view-user --clusterrole=view --user=<user>"]);
  });
});

describe("shellWord and describeRefusal", () => {
  test("plain names stay bare", () => {
    expect(shellWord("system:serviceaccount:orrery:orrery")).toBe("system:serviceaccount:orrery:orrery");
    expect(describeRefusal({ verb: "list", resource: "deployments", group: "apps", namespace: "shop" })).toBe("list deployments.apps in namespace shop");
  });
});
