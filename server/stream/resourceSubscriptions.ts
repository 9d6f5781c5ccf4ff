import { clusterScopedKinds, type ResourceSubscribe } from "@/lib/wire/stream";
import type { ResourceKind } from "../kube/resources";
import { log } from "../log";
import type { ChangeBatch } from "./changeBatch";
import type { ConnectionParts } from "./connectionParts";
import { deltaChanges, snapshotItems } from "./scopedSelection";
import { deltaMessage, snapshotMessage } from "./serialize";
import { denialOf, type ListScope } from "./streamAccess";

interface Subscription {
  id: string;
  resource: ResourceSubscribe["resource"];
  /** Undefined for all namespaces and for cluster-scoped kinds. */
  namespace: string | undefined;
  /** Set when deltas were dropped or the snapshot waits for room: a resync and a fresh snapshot are owed; "access" while the person's access is being checked. */
  owed: "none" | "snapshot" | "resync" | "access";
  /** Where the person may list the kind; undefined until known. */
  scope: ListScope | undefined;
}


/** The kind subscriptions (pods, nodes, …) open on one stream connection: snapshot, deltas, resync when behind, access per person. */
export class ResourceSubscriptions {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(private readonly connection: ConnectionParts) {}

  get size(): number {
    return this.subscriptions.size;
  }

  has(id: string): boolean {
    return this.subscriptions.has(id);
  }

  /** Kinds whose scope is known, for asking the person's access again. */
  grantedKinds(): ResourceKind[] {
    return [...this.subscriptions.values()].filter((s) => s.scope).map((s) => s.resource);
  }

  owesFrames(): boolean {
    for (const sub of this.subscriptions.values()) if (sub.owed === "snapshot" || sub.owed === "resync") return true;
    return false;
  }

  /** Takes a subscription the connection has room for; its snapshot follows once the person's scope is known. */
  subscribe(message: ResourceSubscribe): void {
    const namespace = clusterScopedKinds.has(message.resource) ? undefined : message.namespace;
    const sub: Subscription = { id: message.id, resource: message.resource, namespace, owed: "access", scope: undefined };
    this.subscriptions.set(sub.id, sub);
    const { scopes } = this.connection;
    const known = scopes.peek(sub.resource);
    if (known) return this.grant(sub, known);
    scopes.resolve(sub.resource).then(
      (scope) => this.grant(sub, scope),
      (err: unknown) => {
        log.warn({ err, person: this.connection.personName, kind: sub.resource }, "could not check stream access; refusing the subscription");
        this.refuse(sub, `could not check whether you may list ${sub.resource}; try again`);
      },
    );
  }

  /** False when there is no subscription with this id. */
  unsubscribe(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  /** Sends this window's deltas, or drops them and owes a resync when the client is behind. */
  deliver(batch: ChangeBatch): void {
    if (this.subscriptions.size === 0) return;
    const { flow } = this.connection;
    if (flow.isBehind()) return this.fallBehind();
    for (const sub of this.subscriptions.values()) {
      if (sub.owed !== "none") continue;
      const changes = deltaChanges(batch, sub.resource, sub.namespace, sub.scope!);
      if (changes.length === 0) continue;
      if (!flow.sendDelta(deltaMessage(sub.id, changes))) return this.fallBehind();
    }
  }

  /** The person's scope changed for these kinds: a resync and a fresh snapshot, or an error when they may no longer list it. */
  rescope(changed: ReadonlySet<string>): void {
    for (const sub of [...this.subscriptions.values()]) {
      if (!sub.scope || !changed.has(sub.resource)) continue;
      const scope = this.connection.scopes.peek(sub.resource)!;
      const denial = denialOf(sub.resource, sub.namespace, !clusterScopedKinds.has(sub.resource), scope);
      if (denial) {
        this.refuse(sub, denial);
        continue;
      }
      sub.scope = scope;
      if (sub.owed !== "none") continue;
      if (this.connection.flow.isBehind()) {
        sub.owed = "resync";
        this.connection.flow.fallBehind();
        continue;
      }
      this.connection.send({ type: "resync", id: sub.id, reason: "your access changed; a fresh snapshot follows" });
      this.sendSnapshot(sub);
    }
  }

  /** The client drained its buffer: owed resyncs and snapshots go out, as far as they fit. */
  payDebts(): void {
    for (const sub of [...this.subscriptions.values()]) {
      if (this.connection.isClosed()) return;
      if (sub.owed === "none" || sub.owed === "access") continue;
      if (sub.owed === "resync") {
        const lag = this.connection.flow.lagBytes;
        this.connection.send({ type: "resync", id: sub.id, reason: `the connection fell behind (${lag} bytes unsent); changes were dropped and a fresh snapshot follows` });
        sub.owed = "snapshot";
      }
      this.sendSnapshot(sub);
    }
  }

  clear(): void {
    this.subscriptions.clear();
  }

  /** Serves a subscription within `scope`, or refuses it when the person may not list what it asks for. */
  private grant(sub: Subscription, scope: ListScope): void {
    if (this.connection.isClosed() || this.subscriptions.get(sub.id) !== sub) return;
    const denial = denialOf(sub.resource, sub.namespace, !clusterScopedKinds.has(sub.resource), scope);
    if (denial) return this.refuse(sub, denial);
    sub.scope = scope;
    this.sendSnapshot(sub);
  }

  private refuse(sub: Subscription, message: string): void {
    if (this.subscriptions.get(sub.id) !== sub) return;
    this.subscriptions.delete(sub.id);
    this.connection.send({ type: "error", id: sub.id, message });
  }

  /** A snapshot counts against the connection's bound like any frame: it waits while the client is behind, and one that can never fit is refused. */
  private sendSnapshot(sub: Subscription): void {
    const { cache, flow } = this.connection;
    if (flow.snapshotsWait()) return this.owe(sub);
    const items = snapshotItems(cache, sub.resource, sub.namespace, sub.scope!);
    const resourceVersion = cache.statuses().find((s) => s.kind === sub.resource)?.resourceVersion;
    const text = snapshotMessage(sub.id, items, resourceVersion);
    const bytes = Buffer.byteLength(text);
    const room = flow.snapshotRoom(bytes);
    if (room === "never") return this.refuse(sub, flow.tooBig(sub.namespace ? `${sub.resource} in ${sub.namespace}` : sub.resource, bytes));
    if (room === "later") return this.owe(sub);
    sub.owed = "none";
    flow.sendSnapshot(text);
  }

  private owe(sub: Subscription): void {
    sub.owed = "snapshot";
    this.connection.flow.fallBehind();
  }

  private fallBehind(): void {
    for (const sub of this.subscriptions.values()) if (sub.owed === "none") sub.owed = "resync";
    this.connection.flow.fallBehind();
  }
}
