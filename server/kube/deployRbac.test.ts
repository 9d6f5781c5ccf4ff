import { readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from "js-yaml";
import { describe, expect, test } from "vitest";
import { resourceKinds } from "./resources";

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const root = path.resolve(__dirname, "../..");

function clusterRoleRules(file: string, name: string): PolicyRule[] {
  const documents = loadAll(readFileSync(path.join(root, file), "utf8")) as { kind?: string; metadata?: { name?: string }; rules?: PolicyRule[] }[];
  const role = documents.find((doc) => doc?.kind === "ClusterRole" && doc.metadata?.name === name);
  if (!role?.rules) throw new Error(`${file} has no ClusterRole ${name}`);
  return role.rules;
}

function grants(rules: PolicyRule[], group: string, resource: string, verb: string): boolean {
  return rules.some((rule) => rule.apiGroups.includes(group) && rule.resources.includes(resource) && rule.verbs.includes(verb));
}

describe("Orrery's own ClusterRole", () => {
  const deployed = clusterRoleRules("deploy/kubernetes/rbac.yaml", "orrery-reader");

  test("lets the shared cache list and watch every kind it holds", () => {
    const missing = resourceKinds.flatMap((info) => ["list", "watch"].filter((verb) => !grants(deployed, info.group, info.plural, verb)).map((verb) => `${verb} ${info.group || "core"}/${info.plural}`));
    expect(missing).toEqual([]);
  });

  test("reads only, besides access reviews and impersonation", () => {
    const writes = deployed.filter((rule) => rule.verbs.some((verb) => !["get", "list", "watch"].includes(verb)));
    expect(writes).toEqual([
      { apiGroups: ["authorization.k8s.io"], resources: ["subjectaccessreviews"], verbs: ["create"] },
      { apiGroups: [""], resources: ["users", "groups"], verbs: ["impersonate"] },
    ]);
  });

  test("grants nothing on nodes/proxy, whose GET reaches the kubelet's API and exec", () => {
    for (const rules of [deployed, clusterRoleRules("e2e/cluster/manifests/identities.yaml", "orrery-reader")]) {
      const proxy = rules.filter((rule) => rule.resources.some((resource) => resource === "*" || resource.startsWith("nodes/")) || rule.apiGroups.includes("*"));
      expect(proxy).toEqual([]);
    }
  });

  test("the manifest says what impersonation gives whoever holds the ServiceAccount", () => {
    const text = readFileSync(path.join(root, "deploy/kubernetes/rbac.yaml"), "utf8");
    expect(text).toMatch(/act as\s+#?\s*ANY user or group/);
    expect(text).toMatch(/refuses to impersonate any\s+#?\s*system: user or group/);
  });

  test("is the identity the test control plane gives Orrery, right for right", () => {
    expect(clusterRoleRules("e2e/cluster/manifests/identities.yaml", "orrery-reader")).toEqual(deployed);
  });
});
