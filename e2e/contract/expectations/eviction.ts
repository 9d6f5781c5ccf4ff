import { expect } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { call, corePath, expectStatus, ok, resourcePath } from "../http";
import { eventually } from "../poll";
import type { ContractTarget, Expectation } from "../target";
import { createDeployment, runningPods, uniqueName } from "../workloads";

interface BudgetStatus extends KubeObject {
  status?: { observedGeneration?: number; currentHealthy?: number; desiredHealthy?: number; disruptionsAllowed?: number };
}

function evict(target: ContractTarget, pod: string) {
  const body = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: pod, namespace: target.namespace } };
  return call(target, corePath(target.namespace, "pods", pod, "eviction"), { method: "POST", body });
}

/** The pod is gone, or on its way out (graceful deletion). */
async function podLeaves(target: ContractTarget, pod: string): Promise<void> {
  await eventually(`pod ${pod} deleted or terminating`, async () => {
    const answer = await call<KubeObject>(target, corePath(target.namespace, "pods", pod));
    const leaving = answer.status === 404 || answer.body.metadata?.deletionTimestamp !== undefined;
    return { value: leaving ? true : undefined, seen: `HTTP ${answer.status}` };
  }, { timeoutMs: 20_000 });
}

async function evictionAllowed(target: ContractTarget): Promise<void> {
  const name = uniqueName("evict");
  await createDeployment(target, name, { replicas: 1 });
  const pod = (await runningPods(target, `app=${name}`, 1))[0]!.metadata.name;
  const answer = await evict(target, pod);
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Success", code: 201 });
  await podLeaves(target, pod);
}

async function evictionBlocked(target: ContractTarget): Promise<void> {
  const name = uniqueName("guarded");
  await createDeployment(target, name, { replicas: 2 });
  const pods = await runningPods(target, `app=${name}`, 2);
  const pdbPath = resourcePath("policy", "v1", target.namespace, "poddisruptionbudgets");
  const pdb = { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name }, spec: { minAvailable: 2, selector: { matchLabels: { app: name } } } };
  await ok(target, pdbPath, { method: "POST", body: pdb });
  // The disruption controller has to have counted the pods before an eviction is judged.
  await eventually(`PodDisruptionBudget ${name} observed with 2 healthy pods`, async () => {
    const now = await ok<BudgetStatus>(target, `${pdbPath}/${name}`);
    const observed = now.status?.observedGeneration === 1 && now.status.currentHealthy === 2;
    return { value: observed ? now : undefined, seen: JSON.stringify(now.status ?? {}) };
  });
  const pod = pods[0]!.metadata.name;
  const status = expectStatus(await evict(target, pod), 429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.");
  expect(status.details?.causes).toEqual([{ reason: "DisruptionBudget", message: `The disruption budget ${name} needs 2 healthy pods and has 2 currently` }]);
  const still = await ok<KubeObject>(target, corePath(target.namespace, "pods", pod));
  expect(still.metadata.deletionTimestamp).toBeUndefined();
}

export const evictionExpectations: Expectation[] = [
  { id: "eviction.allowed", title: "a policy/v1 Eviction of an unprotected pod is 201 Success and the pod goes", run: evictionAllowed, timeoutMs: 90_000 },
  { id: "eviction.pdbBlocked", title: "an Eviction a PodDisruptionBudget forbids is 429 TooManyRequests with a DisruptionBudget cause", run: evictionBlocked, timeoutMs: 120_000 },
];
