import type { ObjectStore } from "../../store";
import { podRequests } from "../scheduler/nodeFit";
import type { Node, Pod } from "../objects/types";
import { Rng } from "../random";
import { baseNamespaces, basePodCount, baseWorkloads } from "./catalog";
import { materialize, type SeedScope } from "./materialize";
import { buildNode, chooseNodeShape } from "./nodes";
import { renewNodeLease } from "../nodeLease";
import { seedRbac } from "./rbac";
import { scaleOutWorkloads } from "./scaleOut";
import { clusterIPAllocator } from "./services";
import { SeedSettler } from "./settle";
import { seedApiServerService, seedConfiguration, seedNamespace, seedShopEdge, seedStaticPods } from "./staticObjects";
import { days, type WorkloadDef } from "./workloadDef";

export interface SeedOptions {
  nodes: number;
  /** About how many pods in all; undefined keeps the hand-made demo only. */
  pods?: number;
  seed: number;
  now: number;
}

export interface SeedSummary {
  namespaces: string[];
  workloads: WorkloadDef[];
  nodes: number;
}

const daemonSetsPerNode = 2;
const staticPodCount = 4;

function podTotal(defs: WorkloadDef[]): number {
  return defs.filter((d) => d.kind !== "DaemonSet" && d.kind !== "CronJob" && d.kind !== "Job").reduce((n, d) => n + (d.replicas ?? 1), 0);
}

/** Sizes the nodes so that the planned pods fit with headroom. */
function planNodes(defs: WorkloadDef[], nodeCount: number): ReturnType<typeof chooseNodeShape> {
  let cpu = 0;
  let memory = 0;
  for (const def of defs) {
    if (def.kind === "DaemonSet" || def.kind === "CronJob" || def.kind === "Job") continue;
    const requests = podRequests({ metadata: { name: def.name }, spec: { containers: def.containers } } as Pod);
    cpu += requests.cpu * (def.replicas ?? 1);
    memory += requests.memory * (def.replicas ?? 1);
  }
  const workers = Math.max(1, nodeCount - 1);
  const daemonCpu = 0.3;
  return chooseNodeShape(cpu / workers + daemonCpu, memory / workers + 512 * 2 ** 20, podTotal(defs) / workers + daemonSetsPerNode);
}

/**
 * Fills an empty store with the demo cluster: the same seed always gives the same names and labels.
 * Everything is created synchronously and pods are already placed and started, so a list right after sees the cluster.
 */
export function seedCluster(store: ObjectStore, options: SeedOptions): SeedSummary {
  const rng = new Rng(options.seed);
  const base = baseWorkloads();
  const extra = options.pods === undefined ? 0 : options.pods - basePodCount() - options.nodes * daemonSetsPerNode - staticPodCount;
  const scaled = scaleOutWorkloads(rng, extra);
  const workloads = [...base, ...scaled.workloads];
  const shape = planNodes(workloads, options.nodes);
  const clusterMs = options.now - days(14);
  const nodes: Node[] = [];
  for (let i = 0; i < options.nodes; i++) nodes.push(store.create("nodes", buildNode(i, options.nodes, shape, clusterMs + i * 1000, options.now)) as Node);
  const scope: SeedScope = { store, rng, now: options.now, nodes, settler: new SeedSettler(nodes, options.seed), nextClusterIP: clusterIPAllocator() };
  const namespaces = [...baseNamespaces, ...scaled.namespaces];
  for (const name of namespaces) seedNamespace(scope, name, baseNamespaces.includes(name) ? clusterMs : clusterMs + days(1));
  for (const node of nodes) renewNodeLease(store, node, options.now);
  seedConfiguration(scope, clusterMs);
  seedRbac(store, clusterMs);
  seedApiServerService(scope, nodes[0]!, clusterMs);
  seedStaticPods(scope, nodes[0]!, clusterMs + 20_000);
  for (const def of workloads) materialize(scope, def);
  seedShopEdge(scope, options.now - days(6));
  return { namespaces, workloads, nodes: nodes.length };
}
