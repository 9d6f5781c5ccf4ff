import type { KubectlRunner } from "../kubectl/kubectlRunner";
import { live } from "../kubectl/pods";
import { deployment, list, service } from "../kubectl/scenario/manifests";
import { crashLoopStatus } from "../kubectl/target/kubeletWrites";
import type { E2EScenario } from "../fixtures/scenario";

// What the Playwright specs expect of the demo, built on the real control plane with kubectl as its admin:
// <shop>: frontend (3 replicas) behind Service frontend, checkout crash-looping (the kubelet's status and
// BackOff event written for it, as kwok never restarts a container); <batch>: worker. And, for the
// limited-user spec, one Deployment in team-a (the only namespace bob may use).

const image = "registry.k8s.io/pause:3.10";

export interface RealWorkloads {
  scenario: E2EScenario;
  /** The Deployment created in team-a. */
  teamA: { namespace: string; deployment: string };
}

export function plannedWorkloads(suffix: string): RealWorkloads {
  const shop = `e2e-shop-${suffix}`;
  const batch = `e2e-batch-${suffix}`;
  return {
    scenario: { target: "real", shop, namespaces: ["default", "kube-system", shop, batch], podNamespaces: [shop, batch] },
    teamA: { namespace: "team-a", deployment: `e2e-visible-${suffix}` },
  };
}

export async function createWorkloads(admin: KubectlRunner, planned: RealWorkloads): Promise<void> {
  const { shop, namespaces } = planned.scenario;
  const batch = namespaces[3]!;
  for (const ns of [shop, batch]) await admin.ok(["create", "namespace", ns]);
  await admin.apply(list(
    deployment("frontend", 3, { namespace: shop, containers: [{ name: "web", image, port: 80 }] }),
    service("frontend", shop, 80),
    deployment("checkout", 1, { namespace: shop, containers: [{ name: "server", image }] }),
    deployment("worker", 1, { namespace: batch, containers: [{ name: "worker", image }] }),
    deployment(planned.teamA.deployment, 1, { namespace: planned.teamA.namespace, containers: [{ name: "web", image }] }),
  ));
  await admin.waitForDeployment("frontend", shop, 3);
  await admin.waitForDeployment("worker", batch, 1);
  await admin.waitForDeployment(planned.teamA.deployment, planned.teamA.namespace, 1);
  const [checkout] = await admin.waitForPods("a checkout pod on a node", shop, "app=checkout", (pods) => live(pods).some((p) => p.node !== ""));
  await crashLoopStatus(admin, shop, checkout!.name);
}

export async function deleteWorkloads(admin: KubectlRunner, planned: RealWorkloads): Promise<void> {
  const { shop, namespaces } = planned.scenario;
  await admin.run(["delete", "namespace", shop, namespaces[3]!, "--wait=false"]);
  await admin.run(["delete", "deployment", planned.teamA.deployment, "-n", planned.teamA.namespace, "--wait=false"]);
}
