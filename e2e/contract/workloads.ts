import { randomBytes } from "node:crypto";
import type { KubeObject } from "@/server/kube/types";
import { appsPath, corePath, ok, type ObjectList } from "./http";
import { eventually } from "./poll";
import type { ContractTarget } from "./target";

/** A name no other run of the same expectation in this namespace uses (mutation tests run them repeatedly). */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;

/** An image with a shell (exec needs one on the demo); kwok never pulls it and the demo only reads its name. */
export const busyboxImage = "registry.k8s.io/e2e-test-images/busybox:1.36.1-1";

export interface PodShape extends KubeObject {
  spec?: { nodeName?: string; containers?: { name: string; image?: string }[] };
  status?: { phase?: string; podIP?: string };
}

export interface DeploymentOptions {
  replicas?: number;
  labels?: Record<string, string>;
  /** Extra containers beside "app". */
  sidecars?: { name: string; image: string }[];
}

/** A Deployment whose pods run `sleep` in busybox; labelled app=<name>. */
export function deploymentManifest(namespace: string, name: string, options: DeploymentOptions = {}): KubeObject {
  const labels = { app: name, ...options.labels };
  const app = { name: "app", image: busyboxImage, command: ["sh", "-c", "sleep 360000"] };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels }, spec: { containers: [app, ...(options.sidecars ?? [])], terminationGracePeriodSeconds: 1 } },
    },
  };
}

export function createDeployment(target: ContractTarget, name: string, options: DeploymentOptions = {}): Promise<KubeObject> {
  return ok<KubeObject>(target, appsPath(target.namespace, "deployments"), { method: "POST", body: deploymentManifest(target.namespace, name, options) });
}

export function createConfigMap(target: ContractTarget, name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}): Promise<KubeObject> {
  return ok<KubeObject>(target, corePath(target.namespace, "configmaps"), { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name, labels }, data } });
}

export async function listPods(target: ContractTarget, query: Record<string, string>): Promise<ObjectList<PodShape>> {
  return ok<ObjectList<PodShape>>(target, `${corePath(target.namespace, "pods")}?${new URLSearchParams(query)}`);
}

const isRunning = (pod: PodShape) => pod.status?.phase === "Running" && !pod.metadata.deletionTimestamp && Boolean(pod.spec?.nodeName);

/** Waits until `count` pods matching `selector` run on a node and none is being deleted. */
export function runningPods(target: ContractTarget, selector: string, count: number): Promise<PodShape[]> {
  return eventually(`${count} Running pods with ${selector} in ${target.namespace}`, async () => {
    const pods = (await listPods(target, { labelSelector: selector })).items;
    const seen = pods.map((p) => `${p.metadata.name}:${p.status?.phase}${p.metadata.deletionTimestamp ? "(deleting)" : ""}@${p.spec?.nodeName ?? "-"}`).join(", ") || "(no pods)";
    const settled = pods.length === count && pods.every(isRunning);
    return { value: settled ? pods : undefined, seen };
  }, { timeoutMs: target.capabilities.podsWaitMs });
}

export const sharedWorkloadName = "contract-web";
export const sharedSelector = `app=${sharedWorkloadName}`;
const sharedReplicas = 2;
const sharedCreated = new WeakMap<ContractTarget, Promise<unknown>>();

/** The Deployment most read-only expectations look at: 2 running pods labelled app=contract-web,tier=web. */
export async function sharedPods(target: ContractTarget): Promise<PodShape[]> {
  let created = sharedCreated.get(target);
  if (!created) {
    created = createDeployment(target, sharedWorkloadName, { replicas: sharedReplicas, labels: { tier: "web" } });
    sharedCreated.set(target, created);
  }
  await created;
  return runningPods(target, sharedSelector, sharedReplicas);
}
