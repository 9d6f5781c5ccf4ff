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

interface ManifestDocument {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  rules?: unknown[];
  roleRef?: { kind?: string; name?: string };
  subjects?: { kind?: string; name?: string; namespace?: string }[];
  spec?: { template?: { spec?: { containers?: { args?: string[] }[] } } };
}

function manifest(file: string): ManifestDocument[] {
  return loadAll(readFileSync(path.join(root, file), "utf8")) as ManifestDocument[];
}

function find(documents: ManifestDocument[], kind: string, name: string): ManifestDocument {
  const found = documents.find((doc) => doc?.kind === kind && doc.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

describe("Orrery's state Role", () => {
  const rbac = manifest("deploy/kubernetes/rbac.yaml");
  const deployment = manifest("deploy/kubernetes/orrery.yaml");

  test("reaches only the state Secret the manifest creates and passes to --state-secret", () => {
    const role = find(rbac, "Role", "orrery-state");
    expect(role.metadata?.namespace).toBe("orrery");
    expect(role.rules).toEqual([{ apiGroups: [""], resources: ["secrets"], resourceNames: ["orrery-state"], verbs: ["get", "update", "watch"] }]);
    const binding = find(rbac, "RoleBinding", "orrery-state");
    expect(binding.roleRef).toMatchObject({ kind: "Role", name: "orrery-state" });
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "orrery", namespace: "orrery" }]);
    expect(find(deployment, "Secret", "orrery-state").metadata?.namespace).toBe("orrery");
    const args = find(deployment, "Deployment", "orrery").spec?.template?.spec?.containers?.[0]?.args ?? [];
    expect(args[args.indexOf("--state-secret") + 1]).toBe("orrery/orrery-state");
  });

  test("is the one the test control plane gives Orrery", () => {
    const identities = manifest("e2e/cluster/manifests/identities.yaml");
    expect(find(identities, "Role", "orrery-state").rules).toEqual(find(rbac, "Role", "orrery-state").rules);
    expect(find(identities, "RoleBinding", "orrery-state").subjects).toEqual([{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "orrery" }]);
    expect(find(identities, "Secret", "orrery-state").metadata?.namespace).toBe("orrery");
  });
});
