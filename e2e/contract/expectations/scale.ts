import { expect } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { appsPath, ok, type ObjectList } from "../http";
import { eventually } from "../poll";
import type { ContractTarget, Expectation } from "../target";
import { createDeployment, runningPods, uniqueName } from "../workloads";

interface Scale extends KubeObject {
  spec: { replicas?: number };
  status: { replicas?: number; selector?: string };
}

interface ReplicaSetShape extends KubeObject {
  spec: { replicas: number; template: { metadata: { annotations?: Record<string, string> } } };
}

interface DeploymentStatus extends KubeObject {
  status?: { observedGeneration?: number; updatedReplicas?: number; replicas?: number };
}

const restartedAt = "kubectl.kubernetes.io/restartedAt";

async function scaleSubresource(target: ContractTarget): Promise<void> {
  const name = uniqueName("scale");
  await createDeployment(target, name, { replicas: 1 });
  const scalePath = appsPath(target.namespace, "deployments", name, "scale");
  const scale = await ok<Scale>(target, scalePath);
  expect(scale).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", metadata: { name, namespace: target.namespace }, spec: { replicas: 1 } });
  const settled = await eventually(`${scalePath} status.replicas 1 and selector app=${name}`, async () => {
    const now = await ok<Scale>(target, scalePath);
    return { value: now.status.replicas === 1 && now.status.selector === `app=${name}` ? now : undefined, seen: JSON.stringify(now.status) };
  });
  const written = await ok<Scale>(target, scalePath, { method: "PUT", body: { ...settled, spec: { replicas: 2 } } });
  expect(written).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", spec: { replicas: 2 } });
  const deployment = await ok<{ spec: { replicas: number } }>(target, appsPath(target.namespace, "deployments", name));
  expect(deployment.spec.replicas).toBe(2);
  await runningPods(target, `app=${name}`, 2);
  await eventually(`${scalePath} status.replicas 2`, async () => {
    const now = await ok<Scale>(target, scalePath);
    return { value: now.status.replicas === 2 ? now : undefined, seen: JSON.stringify(now.status) };
  });
}

async function rolloutRestart(target: ContractTarget): Promise<void> {
  const name = uniqueName("restart");
  await createDeployment(target, name, { replicas: 1 });
  await runningPods(target, `app=${name}`, 1);
  const replicaSets = () => ok<ObjectList<ReplicaSetShape>>(target, `${appsPath(target.namespace, "replicasets")}?labelSelector=app%3D${name}`);
  const before = (await replicaSets()).items;
  expect(before).toHaveLength(1);
  const stamp = new Date().toISOString();
  // What `kubectl rollout restart` sends.
  const body = { spec: { template: { metadata: { annotations: { [restartedAt]: stamp } } } } };
  const patched = await ok<DeploymentStatus>(target, appsPath(target.namespace, "deployments", name), { method: "PATCH", body, contentType: "application/strategic-merge-patch+json" });
  expect(patched.metadata.generation).toBe(2);
  const rolled = await eventually("a new ReplicaSet with the restartedAt annotation running 1 pod, the old one scaled to 0", async () => {
    const sets = (await replicaSets()).items;
    const fresh = sets.find((rs) => rs.spec.template.metadata.annotations?.[restartedAt] === stamp);
    const old = sets.find((rs) => rs.metadata.uid === before[0]!.metadata.uid);
    const done = sets.length === 2 && fresh?.spec.replicas === 1 && old?.spec.replicas === 0;
    return { value: done ? fresh : undefined, seen: sets.map((rs) => `${rs.metadata.name}:${rs.spec.replicas}`).join(", ") };
  }, { timeoutMs: target.capabilities.podsWaitMs });
  expect(rolled.metadata.labels?.["pod-template-hash"]).not.toBe(before[0]!.metadata.labels?.["pod-template-hash"]);
  const pods = await runningPods(target, `app=${name}`, 1);
  expect(pods[0]!.metadata.labels?.["pod-template-hash"]).toBe(rolled.metadata.labels?.["pod-template-hash"]);
  await eventually(`deployment ${name} observedGeneration 2 and 1 updated replica`, async () => {
    const now = await ok<DeploymentStatus>(target, appsPath(target.namespace, "deployments", name));
    return { value: now.status?.observedGeneration === 2 && now.status.updatedReplicas === 1 ? now : undefined, seen: JSON.stringify(now.status) };
  });
}

export const scaleExpectations: Expectation[] = [
  { id: "scale.subresource", title: "deployments/scale GET and PUT speak autoscaling/v1 Scale and move the Deployment", run: scaleSubresource, timeoutMs: 120_000 },
  { id: "rollout.restart", title: "the rollout-restart patch (restartedAt annotation) rolls a new ReplicaSet out", run: rolloutRestart, timeoutMs: 150_000 },
];
