import { pollUntil } from "../poll";
import { live, runningReady } from "../pods";
import { configMap, cronJob, daemonSet, deployment, ingress, job, list, persistentVolumeClaim, service, statefulSet } from "./manifests";
import type { Suite } from "./suite";

// One of every kind the cache holds, created in the suite's namespace and waited for until it has settled:
// web (Deployment, 3) behind a Service and an Ingress, db (StatefulSet, 2), agent (DaemonSet), once (a Job
// that completes), nightly (CronJob), data (PVC), settings (ConfigMap).

export const CATALOG = {
  web: { replicas: 3, port: 80 },
  db: { replicas: 2 },
  cronSchedule: "0 3 * * *",
  host: "web.kc.test",
} as const;

export async function createCatalog({ t, ns }: Suite): Promise<void> {
  const web = [{ name: "web", image: t.web.image, port: CATALOG.web.port }];
  const worker = [{ name: "worker", image: t.sidecar.image }];
  await t.k.apply(list(
    deployment("web", CATALOG.web.replicas, { namespace: ns, containers: web }),
    service("web", ns, CATALOG.web.port),
    ingress("web", ns, CATALOG.host),
    statefulSet("db", CATALOG.db.replicas, { namespace: ns, containers: worker }),
    daemonSet("agent", { namespace: ns, containers: worker }),
    job("once", { namespace: ns, containers: [{ name: "task", image: t.sidecar.image }] }),
    cronJob("nightly", CATALOG.cronSchedule, { namespace: ns, containers: [{ name: "task", image: t.sidecar.image }] }),
    persistentVolumeClaim("data", ns),
    configMap("settings", ns, { level: "info", mode: "test" }),
  ));
  const workers = await t.workerNodes();
  await t.k.waitForPods(`web ×${CATALOG.web.replicas}, db ×${CATALOG.db.replicas}, agent ×${workers.length} Running and Ready`, ns, undefined, (all) => {
    const pods = live(all).filter(runningReady);
    const count = (prefix: string) => pods.filter((p) => p.name.startsWith(prefix)).length;
    return count("web-") === CATALOG.web.replicas && count("db-") === CATALOG.db.replicas && count("agent-") === workers.length;
  }, 120_000);
  await t.k.waitForDeployment("web", ns, CATALOG.web.replicas);
  await pollUntil("job once to complete", async () => {
    const seen = await t.k.ok(["get", "job", "once", "-n", ns, "-o", "jsonpath={.status.succeeded}"]);
    return { value: seen === "1" ? seen : undefined, seen: `succeeded=${seen || "0"}` };
  }, { timeoutMs: 90_000 });
  // The endpointslice controller follows the pods; wait until all three web pods are in the slice.
  await pollUntil("the web EndpointSlice to list 3 addresses", async () => {
    const seen = await t.k.ok(["get", "endpointslices", "-n", ns, "-l", "kubernetes.io/service-name=web", "-o", "jsonpath={.items[*].endpoints[*].addresses[0]}"]);
    return { value: seen.trim().split(/\s+/).filter(Boolean).length === CATALOG.web.replicas ? seen : undefined, seen };
  }, { timeoutMs: 60_000 });
}
