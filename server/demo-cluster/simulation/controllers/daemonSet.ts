import type { SimContext } from "../context";
import { isPodReady } from "../kubelet/podPhase";
import { buildDaemonPod, daemonPodNode, daemonSetHash, shouldRunOn } from "../objects/daemonPods";
import { controllerOf, keyOf } from "../objects/meta";
import { REVISION_HASH_LABEL } from "../objects/revisions";
import type { Node, Pod, Workload } from "../objects/types";
import type { Controller } from "../runner";
import { every, generateName, isActivePod, omitEmpty, writeStatus } from "./helpers";
import { ensureRevision } from "./revisionHistory";

const source = { component: "daemonset-controller" };

/** What about a node matters to DaemonSets; heartbeats alone do not. */
const placementOf = (node: Node) => JSON.stringify([node.metadata.labels, node.spec?.taints]);

/** One pod per eligible node; rolling updates replace at most maxUnavailable pods at a time. */
export class DaemonSetController implements Controller {
  readonly name = "daemonset";
  private readonly resync: (now: number) => void;

  constructor(private readonly ctx: SimContext) {
    const { daemonSets, pods, nodes } = ctx.informers;
    const all = () => {
      for (const key of daemonSets.keys()) ctx.runner.enqueue(this.name, key);
    };
    daemonSets.onChange((type, ds) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(ds));
    });
    pods.onChange((_type, pod) => {
      const owner = controllerOf(pod);
      if (owner?.kind === "DaemonSet") ctx.runner.enqueue(this.name, `${pod.metadata.namespace}/${owner.name}`);
    });
    nodes.onChange((type, node, previous) => {
      if (type !== "MODIFIED" || !previous || placementOf(node as Node) !== placementOf(previous as Node)) all();
    });
    this.resync = every(60_000, all);
    this.resync(ctx.clock.now());
  }

  tick(now: number): void {
    this.resync(now);
  }

  sync(key: string): void {
    const ds = this.ctx.informers.daemonSets.getByKey(key) as Workload | undefined;
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = daemonSetHash(ds);
    ensureRevision(this.ctx, ds, `${ds.metadata.name}-${hash}`, hash, ds.spec.template, []);
    const podsByNode = new Map<string, Pod[]>();
    for (const pod of this.ctx.informers.pods.byIndex("owner", ds.metadata.uid ?? "").filter(isActivePod) as Pod[]) {
      const node = daemonPodNode(pod) ?? "";
      podsByNode.set(node, [...(podsByNode.get(node) ?? []), pod]);
    }
    const eligible = ([...this.ctx.informers.nodes.values()] as Node[]).filter((n) => shouldRunOn(ds, n));
    const eligibleNames = new Set(eligible.map((n) => n.metadata.name));
    for (const node of eligible) {
      const [keep, ...extra] = podsByNode.get(node.metadata.name) ?? [];
      if (!keep) this.createPod(ds, node, hash);
      for (const pod of extra) this.deletePod(ds, pod);
    }
    for (const [nodeName, pods] of podsByNode) if (!eligibleNames.has(nodeName)) for (const pod of pods) this.deletePod(ds, pod);
    this.rollingUpdate(ds, hash, eligible.length, podsByNode, eligibleNames);
    this.updateStatus(key, hash, eligibleNames);
  }

  private createPod(ds: Workload, node: Node, hash: string): void {
    const name = generateName(this.ctx, "pods", ds.metadata.namespace, `${ds.metadata.name}-`);
    const pod = this.ctx.store.create("pods", buildDaemonPod(ds, node, name, hash, this.ctx.clock.now()));
    this.ctx.recorder.record(ds, { type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name}`, source });
  }

  private deletePod(ds: Workload, pod: Pod): void {
    this.ctx.terminator.terminate(pod);
    this.ctx.recorder.record(ds, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${pod.metadata.name}`, source });
  }

  private rollingUpdate(ds: Workload, hash: string, desired: number, podsByNode: Map<string, Pod[]>, eligible: Set<string>): void {
    const strategy = ds.spec.updateStrategy as { type?: string; rollingUpdate?: { maxUnavailable?: number | string } } | undefined;
    if (strategy?.type === "OnDelete") return;
    const raw = strategy?.rollingUpdate?.maxUnavailable ?? 1;
    const maxUnavailable = typeof raw === "number" ? raw : Math.max(1, Math.floor((Number.parseInt(raw, 10) * desired) / 100));
    const current = [...podsByNode.entries()].filter(([node]) => eligible.has(node)).map(([, pods]) => pods[0]!);
    const unavailable = desired - current.filter((p) => isPodReady(p)).length;
    let budget = maxUnavailable - unavailable;
    const outdated = current.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] !== hash).sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)));
    for (const pod of outdated) {
      if (!isPodReady(pod)) this.deletePod(ds, pod);
      else if (budget-- > 0) this.deletePod(ds, pod);
    }
  }

  private updateStatus(key: string, hash: string, eligible: Set<string>): void {
    const ds = this.ctx.informers.daemonSets.getByKey(key) as Workload;
    const pods = this.ctx.informers.pods.byIndex("owner", ds.metadata.uid ?? "").filter(isActivePod) as Pod[];
    const scheduled = pods.filter((p) => p.spec.nodeName);
    const onEligible = scheduled.filter((p) => eligible.has(p.spec.nodeName!));
    const ready = onEligible.filter((p) => isPodReady(p)).length;
    const status = {
      currentNumberScheduled: new Set(onEligible.map((p) => p.spec.nodeName)).size,
      numberMisscheduled: scheduled.length - onEligible.length,
      desiredNumberScheduled: eligible.size,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      ...omitEmpty({ updatedNumberScheduled: onEligible.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === hash).length, numberAvailable: ready, numberUnavailable: eligible.size - ready }),
    };
    writeStatus(this.ctx, "apps/daemonsets", ds, status);
  }
}
