import { expect } from "vitest";
import { ok } from "../http";
import type { Expectation } from "../target";

interface ApiResource {
  name: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  group?: string;
  version?: string;
}

interface ResourceList {
  kind: string;
  groupVersion: string;
  resources: ApiResource[];
}

interface GroupList {
  kind: string;
  groups: { name: string; versions: { groupVersion: string; version: string }[]; preferredVersion?: { groupVersion: string } }[];
}

const byName = (list: ResourceList) => new Map(list.resources.map((r) => [r.name, r]));

/** Groups whose resources Orrery lists, watches or acts on (server/kube/resources.ts, evictions, access reviews, metrics). */
const groupsOrreryUses = ["apps", "batch", "policy", "authorization.k8s.io", "discovery.k8s.io", "networking.k8s.io", "metrics.k8s.io"];

export const discoveryExpectations: Expectation[] = [
  {
    id: "discovery.core",
    title: "/api and /api/v1 list the core resources and the pod subresources Orrery uses",
    async run(target) {
      const versions = await ok<{ kind: string; versions: string[] }>(target, "/api");
      expect(versions.kind).toBe("APIVersions");
      expect(versions.versions).toContain("v1");
      const core = await ok<ResourceList>(target, "/api/v1");
      expect({ kind: core.kind, groupVersion: core.groupVersion }).toEqual({ kind: "APIResourceList", groupVersion: "v1" });
      const resources = byName(core);
      expect(resources.get("pods")).toMatchObject({ namespaced: true, kind: "Pod" });
      expect(resources.get("pods")?.verbs).toEqual(expect.arrayContaining(["get", "list", "watch", "create", "delete", "patch"]));
      expect(resources.get("nodes")).toMatchObject({ namespaced: false, kind: "Node" });
      for (const name of ["namespaces", "services", "events", "configmaps", "pods/log", "pods/exec", "pods/eviction", "pods/status"]) {
        expect(resources.has(name), `/api/v1 lists ${name}`).toBe(true);
      }
      expect(resources.get("pods/eviction")).toMatchObject({ group: "policy", version: "v1", kind: "Eviction", verbs: ["create"] });
    },
  },
  {
    id: "discovery.groups",
    title: "/apis lists the groups Orrery uses; /apis/apps/v1 has deployments/scale as autoscaling/v1 Scale",
    async run(target) {
      const list = await ok<GroupList>(target, "/apis");
      expect(list.kind).toBe("APIGroupList");
      const groups = new Map(list.groups.map((g) => [g.name, g]));
      for (const name of groupsOrreryUses) expect(groups.has(name), `/apis lists ${name}`).toBe(true);
      expect(groups.get("apps")?.preferredVersion?.groupVersion).toBe("apps/v1");
      expect(groups.get("metrics.k8s.io")?.versions.map((v) => v.groupVersion)).toContain("metrics.k8s.io/v1beta1");
      const apps = byName(await ok<ResourceList>(target, "/apis/apps/v1"));
      for (const name of ["deployments", "replicasets", "statefulsets", "daemonsets"]) expect(apps.has(name), `apps/v1 lists ${name}`).toBe(true);
      expect(apps.get("deployments/scale")).toMatchObject({ group: "autoscaling", version: "v1", kind: "Scale" });
      expect(apps.get("deployments/scale")?.verbs).toEqual(expect.arrayContaining(["get", "patch", "update"]));
      const metrics = byName(await ok<ResourceList>(target, "/apis/metrics.k8s.io/v1beta1"));
      expect(metrics.get("nodes")).toMatchObject({ kind: "NodeMetrics", namespaced: false });
      expect(metrics.get("pods")).toMatchObject({ kind: "PodMetrics", namespaced: true });
    },
  },
  {
    id: "discovery.version",
    title: "/version has the version.Info shape",
    async run(target) {
      const info = await ok<Record<string, unknown>>(target, "/version");
      expect(info).toMatchObject({
        major: expect.stringMatching(/^\d+$/),
        minor: expect.stringMatching(/^\d+\+?$/),
        gitVersion: expect.stringMatching(/^v\d+\.\d+\.\d+/),
        gitTreeState: expect.any(String),
        buildDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        goVersion: expect.stringMatching(/^go\d/),
        compiler: "gc",
        platform: expect.stringMatching(/^[a-z0-9]+\/[a-z0-9]+$/),
      });
      expect(String(info.gitVersion)).toContain(`v${String(info.major)}.${String(info.minor).replace("+", "")}.`);
    },
  },
];
