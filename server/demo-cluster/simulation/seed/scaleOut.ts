import type { Rng } from "../random";
import { container, days, minutes, type WorkloadDef } from "./workloadDef";

// Extra namespaces and workloads that bring the cluster up to the requested pod count.

const teams = [
  "payments", "search", "catalog-svc", "inventory", "identity", "notifications", "analytics", "billing", "recommendations", "media",
  "orders", "shipping", "reviews", "profiles", "gateway", "ledger", "pricing", "fraud", "messaging", "reports",
  "checkout-svc", "loyalty", "ads", "experiments", "support", "geo", "streaming", "warehouse", "partners", "compliance",
];
const components = ["api", "web", "worker", "gateway", "cache", "scheduler", "consumer", "indexer", "auth", "renderer", "notifier", "ingest", "exporter", "sync", "graphql", "admin", "events", "reporting", "proxy", "batcher"];
const replicaChoices = [1, 1, 2, 2, 2, 3, 3, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 30, 40, 50];
const cpuChoices = ["10m", "25m", "50m", "50m", "100m", "100m", "200m", "250m", "500m"];
const memoryChoices = ["32Mi", "64Mi", "64Mi", "128Mi", "128Mi", "256Mi", "512Mi"];
const podsPerNamespace = 250;

export function namespaceName(index: number): string {
  const base = teams[index % teams.length]!;
  return index < teams.length ? base : `${base}-${Math.floor(index / teams.length) + 1}`;
}

function appContainer(rng: Rng, namespace: string, component: string) {
  const memory = rng.pick(memoryChoices);
  const limit = `${Number.parseInt(memory, 10) * 2}Mi`;
  return container(component, `registry.demo.local/${namespace}/${component}:v1.${rng.int(0, 30)}.${rng.int(0, 9)}`, {
    cpu: rng.pick(cpuChoices), memory, memoryLimit: limit, ports: [{ name: "http", containerPort: 8080 }],
    ...(rng.next() < 0.5 ? { readiness: { httpGet: { path: "/healthz", port: "http", scheme: "HTTP" }, initialDelaySeconds: 2, periodSeconds: 5 } } : {}),
  });
}

function deploymentDef(rng: Rng, namespace: string, component: string, replicas: number): WorkloadDef {
  const service = component === "worker" || component === "consumer" || component === "batcher" ? undefined : { ports: [{ name: "http", port: 80, targetPort: "http" }] };
  return {
    kind: "Deployment", namespace, name: component, replicas, selector: { app: component }, labels: { "app.kubernetes.io/part-of": namespace },
    ageMs: days(1 + rng.int(0, 11)), containers: [appContainer(rng, namespace, component)], service,
  };
}

function databaseDef(namespace: string): WorkloadDef {
  return {
    kind: "StatefulSet", namespace, name: "postgres", replicas: 3, selector: { app: "postgres" }, ageMs: days(12),
    containers: [container("postgres", "postgres:16.4", { cpu: "250m", memory: "256Mi", memoryLimit: "1Gi", ports: [{ name: "postgres", containerPort: 5432 }], readiness: { exec: { command: ["pg_isready", "-U", "postgres"] }, initialDelaySeconds: 5, periodSeconds: 10 } })],
    volumeClaims: [{ name: "data", storage: "10Gi" }], service: { headless: true, ports: [{ name: "postgres", port: 5432, targetPort: 5432 }] },
  };
}

/** The troubled and periodic workloads a large cluster has a few of: crash loops, leaks, cron jobs. */
function troubleDefs(rng: Rng, namespaces: string[], extraPods: number): WorkloadDef[] {
  const defs: WorkloadDef[] = [];
  const per = (pods: number) => Math.max(1, Math.round(extraPods / pods));
  for (let i = 0; i < per(2500); i++) {
    const namespace = namespaces[i % namespaces.length]!;
    defs.push({ ...deploymentDef(rng, namespace, `flaky-${i + 1}`, 1), behavior: "crashloop", ageMs: minutes(20 + rng.int(0, 40)) });
    defs.push({ ...deploymentDef(rng, namespace, `leaky-${i + 1}`, 1), behavior: "leak", ageMs: minutes(20 + rng.int(0, 40)) });
  }
  for (let i = 0; i < per(5000); i++) {
    const namespace = namespaces[(i * 7) % namespaces.length]!;
    defs.push({
      kind: "CronJob", namespace, name: `cleanup-${i + 1}`, schedule: "*/5 * * * *", selector: { app: `cleanup-${i + 1}` }, ageMs: days(5),
      containers: [container("cleanup", "busybox:1.36", { cpu: "10m", memory: "16Mi", command: ["/bin/sh", "-c", "echo cleaning up; sleep 5"] })],
      podSpec: { restartPolicy: "OnFailure" },
    });
  }
  return defs;
}

/** Namespaces and workloads holding about `extraPods` pods in all, deterministically from the rng. */
export function scaleOutWorkloads(rng: Rng, extraPods: number): { namespaces: string[]; workloads: WorkloadDef[] } {
  if (extraPods <= 0) return { namespaces: [], workloads: [] };
  const namespaceCount = Math.max(1, Math.ceil(extraPods / podsPerNamespace));
  const namespaces = Array.from({ length: namespaceCount }, (_, i) => namespaceName(i));
  const troubles = troubleDefs(rng, namespaces, extraPods);
  let remaining = extraPods - troubles.filter((d) => d.kind === "Deployment").length;
  const workloads: WorkloadDef[] = [];
  namespaces.forEach((namespace, index) => {
    let budget = Math.min(remaining, Math.ceil(remaining / (namespaceCount - index)));
    remaining -= budget;
    if (index % 10 === 3 && budget >= 6) {
      workloads.push(databaseDef(namespace));
      budget -= 3;
    }
    for (let c = 0; budget > 0; c++) {
      const component = c < components.length ? components[c]! : `${components[c % components.length]}-${Math.floor(c / components.length) + 1}`;
      const replicas = Math.min(budget, rng.pick(replicaChoices));
      workloads.push(deploymentDef(rng, namespace, component, replicas));
      budget -= replicas;
    }
  });
  return { namespaces, workloads: [...workloads, ...troubles] };
}
