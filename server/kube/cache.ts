import { log } from "@/server/log";
import { ChangeBatcher } from "./changeBatcher";
import type { ClusterConnection } from "./connect";
import { CacheIndexes } from "./indexes";
import { Informer, type InformerStatus, type SyncState } from "./informer";
import type { ObjectChange } from "./reconcile";
import { kindInfo, resourceKinds, type ResourceKind } from "./resources";
import { resolveTimings, type InformerTimingOverrides } from "./timings";
import type { KubeObject } from "./types";

export type { SyncState } from "./informer";

export interface KindStatus {
  kind: ResourceKind;
  state: SyncState;
  /** Why the kind is stale or in error, naming the apiserver. */
  reason?: string;
  apiserver: string;
  resourceVersion?: string;
  syncedAt?: string;
  count: number;
}

/** One change to the cache. For DELETED, `object` is the last state the server sent and `previous` what was cached. */
export interface CacheChange {
  type: "ADDED" | "MODIFIED" | "DELETED";
  kind: ResourceKind;
  object: KubeObject;
  previous?: KubeObject;
}

export interface ClusterCacheOptions {
  /** Kinds to list and watch; all 14 by default. */
  kinds?: readonly ResourceKind[];
  /** Informer timings, shrunk by tests. */
  timings?: InformerTimingOverrides;
}

export interface ListFilter {
  namespace?: string;
  labelSelector?: Record<string, string>;
}

/**
 * The cluster as last seen, shared by every user: one informer per kind, indexes, and a batched change feed.
 * Cached objects are frozen and shared; consumers read them and never change them.
 */
export class ClusterCache {
  private readonly informers = new Map<ResourceKind, Informer>();
  private readonly indexes = new CacheIndexes();
  private readonly changes = new ChangeBatcher<CacheChange>();
  private readonly statusListeners = new Set<(status: KindStatus) => void>();
  private readonly synced: Promise<void>;
  private resolveSynced!: () => void;
  private rejectSynced!: (error: Error) => void;
  private unsyncedKinds: number;
  private startedAt = 0;

  constructor(private readonly connection: ClusterConnection, opts: ClusterCacheOptions = {}) {
    const kinds = [...new Set(opts.kinds ?? resourceKinds.map((info) => info.kind))];
    const timings = resolveTimings(opts.timings);
    this.unsyncedKinds = kinds.length;
    this.synced = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    // Whoever never awaits whenSynced must not see an unhandled rejection when the cache stops early.
    this.synced.catch(() => undefined);
    for (const kind of kinds) {
      const informer = new Informer(connection, kindInfo(kind), {
        onChanges: (changes) => this.applyChanges(kind, changes),
        onStatus: (status) => this.emitStatus(kind, status),
        onFirstSync: () => this.kindSynced(),
      }, timings);
      this.informers.set(kind, informer);
    }
    if (kinds.length === 0) this.resolveSynced();
  }

  start(): void {
    if (this.startedAt === 0) this.startedAt = Date.now();
    for (const informer of this.informers.values()) informer.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map((informer) => informer.stop()));
    this.changes.flush();
    if (this.unsyncedKinds > 0) this.rejectSynced(new Error(`the cache of ${this.connection.server} stopped before every kind was listed`));
  }

  /** Resolves once every kind has been listed once. */
  whenSynced(): Promise<void> {
    return this.synced;
  }

  list(kind: ResourceKind, filter: ListFilter = {}): readonly KubeObject[] {
    const store = this.informer(kind).store;
    const selector = filter.labelSelector && Object.keys(filter.labelSelector).length > 0 ? filter.labelSelector : undefined;
    if (selector) {
      const matching = this.indexes.withLabels(kind, selector);
      return filter.namespace === undefined ? matching : matching.filter((object) => object.metadata.namespace === filter.namespace);
    }
    return filter.namespace === undefined ? store.all() : store.inNamespace(filter.namespace);
  }

  get(kind: ResourceKind, namespace: string | undefined, name: string): KubeObject | undefined {
    const informer = this.informer(kind);
    return informer.store.get(informer.info.namespaced ? namespace : undefined, name);
  }

  byUid(uid: string): KubeObject | undefined {
    return this.indexes.byUid(uid);
  }

  byOwner(ownerUid: string): readonly KubeObject[] {
    return this.indexes.byOwner(ownerUid);
  }

  podsOnNode(nodeName: string): readonly KubeObject[] {
    return this.indexes.podsOnNode(nodeName);
  }

  /** Events whose involvedObject.uid is `uid`, newest last. */
  eventsFor(uid: string): readonly KubeObject[] {
    return this.indexes.eventsFor(uid);
  }

  statuses(): KindStatus[] {
    return [...this.informers].map(([kind, informer]) => this.toKindStatus(kind, informer.status()));
  }

  /** Batches of changes made after subscribing, delivered one event-loop turn after they happen. */
  onChange(listener: (changes: readonly CacheChange[]) => void): () => void {
    return this.changes.subscribe(listener);
  }

  onStatus(listener: (status: KindStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  private informer(kind: ResourceKind): Informer {
    const informer = this.informers.get(kind);
    if (!informer) throw new Error(`the cache does not watch ${kind}; watched kinds: ${[...this.informers.keys()].join(", ")}`);
    return informer;
  }

  private applyChanges(kind: ResourceKind, changes: readonly ObjectChange[]): void {
    for (const change of changes) {
      if (change.type !== "ADDED") this.indexes.remove(kind, change.previous ?? change.object);
      if (change.type !== "DELETED") this.indexes.add(kind, change.object);
      this.changes.push({ type: change.type, kind, object: change.object, previous: change.previous });
    }
  }

  private emitStatus(kind: ResourceKind, status: InformerStatus): void {
    const kindStatus = this.toKindStatus(kind, status);
    for (const listener of this.statusListeners) {
      try {
        listener(kindStatus);
      } catch (error) {
        log.error({ err: error }, "cache status listener threw");
      }
    }
  }

  private kindSynced(): void {
    this.unsyncedKinds--;
    if (this.unsyncedKinds > 0) return;
    const objects = [...this.informers.values()].reduce((sum, informer) => sum + informer.store.size, 0);
    log.info({ apiserver: this.connection.server, kinds: this.informers.size, objects, ms: Date.now() - this.startedAt }, "cluster cache synced");
    this.resolveSynced();
  }

  private toKindStatus(kind: ResourceKind, status: InformerStatus): KindStatus {
    return { kind, apiserver: this.connection.server, ...status };
  }
}
