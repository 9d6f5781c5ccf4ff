import { expect } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { appsPath, ok } from "../http";
import type { ContractTarget, Expectation } from "../target";
import { busyboxImage, createDeployment, uniqueName } from "../workloads";

interface DeploymentShape extends KubeObject {
  spec: { replicas: number; template: { metadata: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: { containers: { name: string; image: string }[] } } };
}

const pauseImage = "registry.k8s.io/pause:3.10";
const containersOf = (d: DeploymentShape) => d.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`);

/** A Deployment with no replicas (nothing to schedule) and two containers: app and side. */
async function twoContainerDeployment(target: ContractTarget): Promise<string> {
  const name = uniqueName("patch");
  await createDeployment(target, name, { replicas: 0, labels: { tier: "web" }, sidecars: [{ name: "side", image: pauseImage }] });
  return name;
}

function patch(target: ContractTarget, name: string, contentType: string, body: unknown): Promise<DeploymentShape> {
  return ok<DeploymentShape>(target, appsPath(target.namespace, "deployments", name), { method: "PATCH", body, contentType });
}

export const patchExpectations: Expectation[] = [
  {
    id: "patch.merge",
    title: "a JSON merge patch of a Deployment merges maps, deletes with null and replaces lists whole",
    async run(target) {
      const name = await twoContainerDeployment(target);
      const labelled = await patch(target, name, "application/merge-patch+json", { metadata: { labels: { patched: "yes", tier: null } } });
      expect(labelled.metadata.labels).toEqual({ app: name, patched: "yes" });
      const app = { name: "app", image: `${busyboxImage}-next`, command: ["sh", "-c", "sleep 360000"] };
      const replaced = await patch(target, name, "application/merge-patch+json", { spec: { template: { spec: { containers: [app] } } } });
      expect(containersOf(replaced)).toEqual([`app=${busyboxImage}-next`]);
      expect(replaced.metadata.generation).toBe(2);
    },
  },
  {
    id: "patch.strategic",
    title: "a strategic merge patch of a Deployment merges containers by name, adds new ones and honours $patch: delete",
    async run(target) {
      const name = await twoContainerDeployment(target);
      const contentType = "application/strategic-merge-patch+json";
      const updated = await patch(target, name, contentType, { spec: { template: { spec: { containers: [{ name: "side", image: `${pauseImage}-next` }] } } } });
      expect(containersOf(updated)).toEqual([`app=${busyboxImage}`, `side=${pauseImage}-next`]);
      const added = await patch(target, name, contentType, { spec: { template: { spec: { containers: [{ name: "extra", image: pauseImage }] } } } });
      expect(added.spec.template.spec.containers.map((c) => c.name).sort()).toEqual(["app", "extra", "side"]);
      const removed = await patch(target, name, contentType, { spec: { template: { spec: { containers: [{ name: "extra", $patch: "delete" }] } } } });
      expect(containersOf(removed)).toEqual([`app=${busyboxImage}`, `side=${pauseImage}-next`]);
      const labelled = await patch(target, name, contentType, { metadata: { labels: { patched: "yes" } } });
      expect(labelled.metadata.labels).toEqual({ app: name, tier: "web", patched: "yes" });
    },
  },
];
