import type { TopologySubscribe } from "@/lib/wire/topology";
import type { ConnectionParts } from "./connectionParts";
import { usageRightsChanged } from "./streamAccess";
import { log } from "../log";
import { topologyKinds } from "../topology/source";
import { defaultTopologyOptions, TopologyFeed, type TopologyOptions } from "../topology/topologyFeed";


/** The topology views open on one stream connection. */
export class TopologySubscriptions {
  private readonly feeds = new Map<string, TopologyFeed>();
  /** Views whose first snapshot waits for the client to read what it was sent. */
  private readonly unsent = new Set<TopologyFeed>();

  constructor(
    private readonly connection: ConnectionParts,
    private readonly options: TopologyOptions = defaultTopologyOptions,
  ) {}

  get size(): number {
    return this.feeds.size;
  }

  has(id: string): boolean {
    return this.feeds.has(id);
  }

  get waiting(): number {
    return this.unsent.size;
  }

  /** A view is built only from the kinds the person may list (and their usage rights when usage is polled), so those are asked first. */
  subscribe(message: TopologySubscribe): void {
    const { connection } = this;
    const { flow } = connection;
    const feed = new TopologyFeed(
      message,
      {
        cache: connection.cache,
        scopeOf: (kind) => connection.scopes.peek(kind),
        usageScope: () => connection.scopes.peekUsage(),
        send: (text, isSnapshot) => (isSnapshot ? flow.sendSnapshot(text) : flow.send(text)),
        isBehind: () => flow.isBehindForFrames(),
      },
      this.options,
    );
    this.feeds.set(feed.id, feed);
    const usageRights = this.options.usage ? [connection.scopes.resolveUsage()] : [];
    Promise.all([...topologyKinds.map((kind) => connection.scopes.resolve(kind)), ...usageRights]).then(
      () => {
        if (connection.isClosed() || this.feeds.get(feed.id) !== feed) return;
        // Like a kind's snapshot, a view's first snapshot waits while the client has not read what it was sent.
        if (!flow.snapshotsWait()) return feed.sendSnapshot();
        this.unsent.add(feed);
        flow.watch();
      },
      (err: unknown) => {
        log.warn({ err, person: connection.personName }, "could not check topology access; refusing the subscription");
        if (this.feeds.get(feed.id) !== feed) return;
        this.feeds.delete(feed.id);
        connection.send({ type: "error", id: feed.id, message: "could not check which objects you may list for the map; try again" });
      },
    );
  }

  /** The client drained its buffer: views still without their first snapshot get it, as far as room lasts. */
  sendWaiting(): void {
    for (const feed of [...this.unsent]) {
      if (this.connection.isClosed() || this.connection.flow.snapshotsWait()) return;
      this.unsent.delete(feed);
      feed.sendSnapshot();
    }
  }

  /** False when there is no view with this id. */
  unsubscribe(id: string): boolean {
    const feed = this.feeds.get(id);
    if (!feed) return false;
    feed.stop();
    this.feeds.delete(id);
    this.unsent.delete(feed);
    return true;
  }

  /** Views coalesce on their own timer and wait out a full buffer, so they are only told that something changed. */
  changed(kinds?: ReadonlySet<string>): void {
    if (kinds !== undefined && !kinds.has(usageRightsChanged) && !topologyKinds.some((kind) => kinds.has(kind))) return;
    this.feeds.forEach((feed) => feed.changed());
  }

  stop(): void {
    this.feeds.forEach((feed) => feed.stop());
    this.feeds.clear();
    this.unsent.clear();
  }
}
