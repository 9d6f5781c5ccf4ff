import { parseQuantity } from "@/lib/k8s/quantity";
import type { Node, Pod } from "@/lib/k8s/types";
import { podUsageKey, type UsageFrame, type WireUsageSample } from "@/lib/wire/usage";

// CPU (millicores) and memory (bytes) of a list row: what it uses, against what it asked for or what its node offers.

/** One resource of one row. */
export interface UsageCellData {
  /** The latest sample; undefined when there is none to show (see `missing`). */
  used?: number;
  /** Pods: the sum of their containers' requests (undefined when none asks). */
  request?: number;
  /** Pods: the sum of their containers' limits, only when every container has one. */
  limit?: number;
  /** Nodes: what pods may be given on the node. */
  allocatable?: number;
  /** Why there is no sample, for a person. */
  missing?: string;
}

export interface RowUsage {
  cpu: UsageCellData;
  memory: UsageCellData;
}

/** The lists' view of the usage stream; `frame` is undefined until the first frame came. */
export interface ListUsage {
  frame?: UsageFrame;
  /** Why the usage subscription was refused. */
  refused?: string;
}

const toMillicores = (cores: number) => Math.round(cores * 1000 * 1e3) / 1e3;
const resourceNames = { cpu: "cpu", memory: "memory" } as const;

function quantityOf(map: Record<string, string> | undefined, resource: keyof typeof resourceNames): number | undefined {
  const text = map?.[resourceNames[resource]];
  const value = text === undefined ? undefined : parseQuantity(text);
  if (value === undefined) return undefined;
  return resource === "cpu" ? toMillicores(value) : value;
}

/** Requests and limits of a pod's app containers (init containers have finished by the time usage is sampled). */
function podBudget(pod: Pod, resource: keyof typeof resourceNames): Pick<UsageCellData, "request" | "limit"> {
  const containers = pod.spec?.containers ?? [];
  let request: number | undefined;
  let limit: number | undefined = containers.length > 0 ? 0 : undefined;
  for (const container of containers) {
    const asked = quantityOf(container.resources?.requests, resource);
    // Kubernetes defaults a missing request to the limit.
    const limited = quantityOf(container.resources?.limits, resource);
    const effectiveRequest = asked ?? limited;
    if (effectiveRequest !== undefined) request = (request ?? 0) + effectiveRequest;
    limit = limit === undefined || limited === undefined ? undefined : limit + limited;
  }
  return { ...(request !== undefined ? { request } : {}), ...(limit !== undefined ? { limit } : {}) };
}

/** Why a pod in `namespace` has no sample, given the frame. */
function podMissing(usage: ListUsage, namespace: string): string {
  const { frame } = usage;
  if (usage.refused) return usage.refused;
  if (!frame) return "waiting for usage";
  if (frame.visible.pods !== true && !frame.visible.pods.includes(namespace)) return `you may not list pods.metrics.k8s.io in namespace ${namespace}`;
  if (frame.unavailable) return frame.unavailable;
  return "no sample from the metrics API yet";
}

function nodeMissing(usage: ListUsage): string {
  const { frame } = usage;
  if (usage.refused) return usage.refused;
  if (!frame) return "waiting for usage";
  if (!frame.visible.nodes) return "you may not list nodes.metrics.k8s.io";
  if (frame.unavailable) return frame.unavailable;
  return "no sample from the metrics API yet";
}

function cell(sample: WireUsageSample | undefined, index: 0 | 1, budget: Omit<UsageCellData, "used" | "missing">, missing: () => string): UsageCellData {
  return sample ? { ...budget, used: sample[index] } : { ...budget, missing: missing() };
}

export function podUsage(pod: Pod, usage: ListUsage): RowUsage {
  const namespace = pod.metadata.namespace ?? "";
  const sample = usage.frame?.pods[podUsageKey(namespace, pod.metadata.name)];
  const missing = () => podMissing(usage, namespace);
  return { cpu: cell(sample, 0, podBudget(pod, "cpu"), missing), memory: cell(sample, 1, podBudget(pod, "memory"), missing) };
}

export function nodeUsage(node: Node, usage: ListUsage): RowUsage {
  const sample = usage.frame?.nodes[node.metadata.name];
  const allocatable = node.status?.allocatable;
  const budget = (resource: keyof typeof resourceNames) => {
    const value = quantityOf(allocatable, resource);
    return value === undefined ? {} : { allocatable: value };
  };
  const missing = () => nodeMissing(usage);
  return { cpu: cell(sample, 0, budget("cpu"), missing), memory: cell(sample, 1, budget("memory"), missing) };
}

function sumCells(cells: readonly UsageCellData[]): UsageCellData {
  const sum = (pick: (c: UsageCellData) => number | undefined, all: boolean) => {
    const values = cells.map(pick);
    const present = values.filter((v): v is number => v !== undefined);
    if (present.length === 0 || (all && present.length < values.length)) return undefined;
    return Math.round(present.reduce((a, b) => a + b, 0) * 1e3) / 1e3;
  };
  const used = sum((c) => c.used, false);
  const request = sum((c) => c.request, false);
  const limit = sum((c) => c.limit, true);
  return {
    ...(used !== undefined ? { used } : { missing: cells[0]?.missing ?? "no pods" }),
    ...(request !== undefined ? { request } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/** A workload's usage: the sum over the pods shown under it (those the person may see). */
export function sumUsage(children: readonly RowUsage[]): RowUsage {
  return { cpu: sumCells(children.map((c) => c.cpu)), memory: sumCells(children.map((c) => c.memory)) };
}

/** What the bar measures against: a node's allocatable, else a pod's limit, else its request. */
export function usageReference(data: UsageCellData): { value: number; name: "allocatable" | "limit" | "request" } | undefined {
  if (data.allocatable) return { value: data.allocatable, name: "allocatable" };
  if (data.limit) return { value: data.limit, name: "limit" };
  if (data.request) return { value: data.request, name: "request" };
  return undefined;
}

/** The value a usage column sorts by: rows without a sample sort below every row with one. */
export const usageSortValue = (data: UsageCellData): number => data.used ?? -1;
