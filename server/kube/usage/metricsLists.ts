import { z } from "zod";
import { podKey, type ResourceUsage } from "./usageLookup";
import { cpuMillicoresOf, memoryBytesOf } from "./usageQuantities";

// PodMetricsList and NodeMetricsList (metrics.k8s.io/v1beta1) read item by item: a malformed item is skipped, never fatal.

const usageSchema = z.object({ cpu: z.string(), memory: z.string() });
const podItemSchema = z.object({
  metadata: z.object({ name: z.string().min(1), namespace: z.string().min(1) }),
  containers: z.array(z.object({ usage: usageSchema })),
});
const nodeItemSchema = z.object({ metadata: z.object({ name: z.string().min(1) }), usage: usageSchema });
const listSchema = z.object({ items: z.array(z.unknown()) });

export type MetricsListResult =
  | { ok: true; samples: Map<string, ResourceUsage>; /** Items left out because they were malformed. */ skipped: number }
  | { ok: false; problem: string };

function usageOf(usage: z.infer<typeof usageSchema>): ResourceUsage | undefined {
  const cpuMillicores = cpuMillicoresOf(usage.cpu);
  const memoryBytes = memoryBytesOf(usage.memory);
  return cpuMillicores === undefined || memoryBytes === undefined ? undefined : { cpuMillicores, memoryBytes };
}

/** A pod's containers summed; undefined when any container's usage is unreadable (a partial sum would under-report). */
function podUsageOf(containers: readonly { usage: z.infer<typeof usageSchema> }[]): ResourceUsage | undefined {
  let cpuMillicores = 0;
  let memoryBytes = 0;
  for (const container of containers) {
    const usage = usageOf(container.usage);
    if (!usage) return undefined;
    cpuMillicores += usage.cpuMillicores;
    memoryBytes += usage.memoryBytes;
  }
  return { cpuMillicores: Math.round(cpuMillicores * 1e6) / 1e6, memoryBytes };
}

function readItems(body: unknown, read: (item: unknown) => [string, ResourceUsage] | "skip" | "malformed"): MetricsListResult {
  const list = listSchema.safeParse(body);
  if (!list.success) return { ok: false, problem: "the answer is not a metrics list (no items array)" };
  const samples = new Map<string, ResourceUsage>();
  let skipped = 0;
  for (const item of list.data.items) {
    const entry = read(item);
    if (entry === "malformed") skipped++;
    else if (entry !== "skip") samples.set(entry[0], entry[1]);
  }
  return { ok: true, samples, skipped };
}

/** Per pod ("namespace/name"): CPU and memory summed over its containers. Pods without container samples have none. */
export function parsePodMetricsList(body: unknown): MetricsListResult {
  return readItems(body, (item) => {
    const parsed = podItemSchema.safeParse(item);
    if (!parsed.success) return "malformed";
    if (parsed.data.containers.length === 0) return "skip";
    const usage = podUsageOf(parsed.data.containers);
    return usage ? [podKey(parsed.data.metadata.namespace, parsed.data.metadata.name), usage] : "malformed";
  });
}

/** Per node name: the node's own CPU and memory. */
export function parseNodeMetricsList(body: unknown): MetricsListResult {
  return readItems(body, (item) => {
    const parsed = nodeItemSchema.safeParse(item);
    if (!parsed.success) return "malformed";
    const usage = usageOf(parsed.data.usage);
    return usage ? [parsed.data.metadata.name, usage] : "malformed";
  });
}
