import type { KubeletEnv } from "../kubelet/applyStep";
import { applyStep } from "../kubelet/applyStep";
import { planNextStep } from "../kubelet/lifecycle";
import { nodeInternalIP, PodIpAllocator } from "../kubelet/podIPs";
import { setCondition } from "../kubelet/podPhase";
import type { Node, Pod } from "../objects/types";
import { unitHash } from "../random";
import { chooseNode } from "../scheduler/chooseNode";
import { NodeUsage } from "../scheduler/nodeUsage";

/** Steps one seeded pod may take while catching up to "now" (a crash loop of an hour takes a few dozen). */
const maxSettleSteps = 2000;

/** The scheduler and kubelet of seeding: places pods like the scheduler and replays their lives up to now. */
export class SeedSettler {
  private readonly usage = new NodeUsage();
  private readonly nodesByName: Map<string, Node>;
  private readonly env: KubeletEnv;
  private cursor = 0;

  constructor(private readonly nodes: Node[], seed: number) {
    this.nodesByName = new Map(nodes.map((n) => [n.metadata.name, n]));
    const ips = new PodIpAllocator(() => []);
    this.env = {
      seed,
      hostIP: (name) => nodeInternalIP(this.nodesByName.get(name)),
      allocatePodIP: (pod) => ips.allocate(pod, this.nodesByName.get(pod.spec.nodeName!)!),
    };
  }

  /**
   * Binds the pod (to `pinned`, or where the scheduler would) shortly after `createdMs`, then applies
   * every kubelet step due by `nowMs`. A pod that fits nowhere stays Pending for the live scheduler.
   */
  settle(pod: Pod, createdMs: number, nowMs: number, pinned?: Node): Pod {
    const node = pinned ?? chooseNode(pod, this.nodes, this.usage, this.cursor++ % Math.max(1, this.nodes.length)).node;
    if (!node) return pod;
    const boundAt = createdMs + Math.round(200 + 700 * unitHash(pod.metadata.name, "bind"));
    pod.spec.nodeName = node.metadata.name;
    pod.status ??= { phase: "Pending" };
    setCondition(pod.status, "PodScheduled", "True", boundAt);
    this.usage.update(undefined, pod);
    for (let i = 0; i < maxSettleSteps; i++) {
      const step = planNextStep(pod, this.env.seed);
      if (!step || step.at > nowMs) break;
      applyStep(pod, step, this.env);
    }
    return pod;
  }
}
