// The latest CPU and memory samples from metrics.k8s.io, as the topology reads them.

/** What one pod (summed over its containers) or one node used in the sample window. */
export interface ResourceUsage {
  readonly cpuMillicores: number;
  readonly memoryBytes: number;
}

/** Usage by pod and by node; undefined where metrics.k8s.io had no sample, never 0 as a stand-in. */
export interface UsageLookup {
  pod(namespace: string, name: string): ResourceUsage | undefined;
  node(name: string): ResourceUsage | undefined;
}

/** Where the latest usage is read, and who is told when a poll changed it. */
export interface UsageSource {
  /** The same object until a poll changes something, so it can be read consistently for one view. */
  lookup(): UsageLookup;
  /** Called after a poll that changed samples or status; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export const podKey = (namespace: string, name: string): string => `${namespace}/${name}`;

/** Samples keyed by "namespace/name" for pods and by name for nodes. */
export class UsageSamples implements UsageLookup {
  static readonly empty = new UsageSamples(new Map(), new Map());

  constructor(
    readonly pods: ReadonlyMap<string, ResourceUsage>,
    readonly nodes: ReadonlyMap<string, ResourceUsage>,
  ) {}

  pod(namespace: string, name: string): ResourceUsage | undefined {
    return this.pods.get(podKey(namespace, name));
  }

  node(name: string): ResourceUsage | undefined {
    return this.nodes.get(name);
  }
}

export const sameUsage = (a: ResourceUsage | undefined, b: ResourceUsage | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.cpuMillicores === b.cpuMillicores && a.memoryBytes === b.memoryBytes);

/** The sum of the samples present; undefined when none is. */
export function sumUsage(samples: Iterable<ResourceUsage | undefined>): ResourceUsage | undefined {
  let cpuMillicores = 0;
  let memoryBytes = 0;
  let any = false;
  for (const sample of samples) {
    if (!sample) continue;
    any = true;
    cpuMillicores += sample.cpuMillicores;
    memoryBytes += sample.memoryBytes;
  }
  // Float noise from adding fractional millicores is rounded away at a millionth.
  return any ? { cpuMillicores: Math.round(cpuMillicores * 1e6) / 1e6, memoryBytes } : undefined;
}

/** `next`, reusing `previous`'s objects for equal samples so unchanged pods keep their cached map nodes; and whether anything differs. */
export function mergeSamples(previous: ReadonlyMap<string, ResourceUsage>, next: ReadonlyMap<string, ResourceUsage>): { samples: ReadonlyMap<string, ResourceUsage>; changed: boolean } {
  let changed = previous.size !== next.size;
  const merged = new Map<string, ResourceUsage>();
  for (const [key, sample] of next) {
    const old = previous.get(key);
    if (old !== undefined && sameUsage(old, sample)) merged.set(key, old);
    else {
      merged.set(key, sample);
      changed = true;
    }
  }
  return changed ? { samples: merged, changed } : { samples: previous, changed };
}
