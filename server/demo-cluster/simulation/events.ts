import type { KubeObject } from "@/server/kube/types";
import { log } from "@/server/log";
import type { ObjectStore } from "../store";
import { toTimestamp, type Clock } from "./clock";

export type EventType = "Normal" | "Warning";

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventInput {
  type: EventType;
  reason: string;
  message: string;
  source: EventSource;
  /** e.g. "spec.containers{nginx}" for container events. */
  fieldPath?: string;
}

interface RecordedEvent {
  namespace: string;
  name: string;
  lastMs: number;
}

/** Ties an event to what it is about; nodes use their name as uid, as the kubelet does. */
function involvedObjectOf(object: KubeObject, fieldPath?: string) {
  const isNode = object.kind === "Node";
  return {
    kind: object.kind,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    name: object.metadata.name,
    uid: isNode ? object.metadata.name : object.metadata.uid,
    apiVersion: object.apiVersion,
    ...(object.metadata.resourceVersion && !isNode ? { resourceVersion: object.metadata.resourceVersion } : {}),
    ...(fieldPath ? { fieldPath } : {}),
  };
}

/**
 * Writes core/v1 Events like client-go's recorder: a repeat of the same event bumps count and lastTimestamp;
 * old events expire (the apiserver's event TTL) and the total is capped.
 */
export class EventRecorder {
  /** Aggregation key → event, least recently updated first. */
  private readonly recent = new Map<string, RecordedEvent>();
  private sequence = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly cap: number,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  /** Records an event that already happened `count` times between firstMs and lastMs (seeding history). */
  recordSeries(object: KubeObject, input: EventInput, count: number, firstMs: number, lastMs: number): void {
    this.record(object, input, firstMs);
    const key = this.aggregationKey(object, input);
    const recorded = this.recent.get(key);
    if (!recorded || count <= 1) return;
    this.store.mutate("events", recorded.namespace, recorded.name, (draft) => {
      draft.count = count;
      draft.lastTimestamp = toTimestamp(lastMs);
    });
    recorded.lastMs = lastMs;
  }

  private aggregationKey(object: KubeObject, input: EventInput): string {
    const involved = involvedObjectOf(object, input.fieldPath);
    return [input.source.component, input.source.host, involved.uid, input.fieldPath, input.type, input.reason, input.message].join("\u0000");
  }

  record(object: KubeObject, input: EventInput, atMs = this.clock.now()): void {
    const involved = involvedObjectOf(object, input.fieldPath);
    const key = this.aggregationKey(object, input);
    const existing = this.recent.get(key);
    try {
      if (existing && this.store.get("events", existing.namespace, existing.name)) {
        this.store.mutate("events", existing.namespace, existing.name, (draft) => {
          draft.count = Number(draft.count ?? 1) + 1;
          draft.lastTimestamp = toTimestamp(atMs);
        });
        this.recent.delete(key);
        this.recent.set(key, { ...existing, lastMs: atMs });
        return;
      }
      const namespace = object.metadata.namespace || "default";
      const name = `${object.metadata.name}.${eventNameSuffix(atMs, this.sequence++)}`;
      this.store.create("events", buildEvent(namespace, name, involved, input, atMs));
      this.recent.delete(key);
      this.recent.set(key, { namespace, name, lastMs: atMs });
    } catch (error) {
      log.debug({ err: error, reason: input.reason }, "demo event not recorded");
    }
  }

  /** Deletes events past their TTL and the least recently updated ones beyond the cap. */
  prune(now = this.clock.now()): void {
    for (const [key, event] of this.recent) {
      if (this.recent.size <= this.cap && event.lastMs > now - this.ttlMs) break;
      this.recent.delete(key);
      if (this.store.get("events", event.namespace, event.name)) this.store.delete("events", event.namespace, event.name);
    }
  }

  get size(): number {
    return this.recent.size;
  }
}

function eventNameSuffix(atMs: number, sequence: number): string {
  return (BigInt(Math.floor(atMs)) * 1_000_000n + BigInt(sequence % 1_000_000)).toString(16);
}

function buildEvent(namespace: string, name: string, involvedObject: ReturnType<typeof involvedObjectOf>, input: EventInput, atMs: number): KubeObject {
  const time = toTimestamp(atMs);
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace, creationTimestamp: time },
    involvedObject,
    reason: input.reason,
    message: input.message,
    source: { component: input.source.component, ...(input.source.host ? { host: input.source.host } : {}) },
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
    type: input.type,
    eventTime: null,
    reportingComponent: input.source.component,
    reportingInstance: input.source.host ?? "",
  };
}
