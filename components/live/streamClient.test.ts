import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { StreamClient, type SocketLike, type SubscriptionHandler } from "./streamClient";
import type { ServerMessage } from "@/lib/wire/stream";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code = 1000, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function recordingHandler() {
  const events: string[] = [];
  const handler: SubscriptionHandler = {
    onSnapshot: (items) => events.push(`snapshot:${items.map((i) => i.metadata.name).join(",")}`),
    onDelta: (changes) => events.push(`delta:${changes.map((c) => `${c.type}:${c.object.metadata.name}`).join(",")}`),
    onResyncing: () => events.push("resyncing"),
    onError: (message) => events.push(`error:${message}`),
  };
  return { events, handler };
}

describe("StreamClient", () => {
  let sockets: FakeSocket[];
  let client: StreamClient;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    client = new StreamClient({
      url: () => "ws://test/api/stream",
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      random: () => 1,
    });
    client.start();
  });

  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  test("subscribes once open and routes messages by id", () => {
    const { events, handler } = recordingHandler();
    client.subscribe("pods", "shop", handler);
    const socket = sockets[0]!;
    socket.open();
    expect(socket.sent).toEqual([{ type: "subscribe", id: "s1", resource: "pods", namespace: "shop" }]);
    socket.receive({ type: "snapshot", id: "s1", items: [{ metadata: { name: "a" } }] });
    socket.receive({ type: "delta", id: "s1", changes: [{ type: "DELETED", object: { metadata: { name: "a" } } }] });
    socket.receive({ type: "snapshot", id: "other", items: [] });
    socket.receive({ type: "error", id: "s1", message: "nope" });
    expect(events).toEqual(["snapshot:a", "delta:DELETED:a", "error:nope"]);
  });

  test("reconnects with growing backoff and resubscribes, marking data as resyncing", () => {
    const { events, handler } = recordingHandler();
    client.subscribe("nodes", undefined, handler);
    sockets[0]!.open();
    sockets[0]!.close(1006, "");
    expect(events).toEqual(["resyncing"]);
    expect(client.getState().connection).toMatchObject({ phase: "reconnecting", reason: "connection lost (code 1006)", everOpened: true });
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.close(1006, "");
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    sockets[2]!.open();
    expect(sockets[2]!.sent).toEqual([{ type: "subscribe", id: "s1", resource: "nodes" }]);
    expect(client.getState().connection.phase).toBe("open");
  });

  test("goes to login instead of reconnecting when the server says the login ended", () => {
    client.stop();
    const ended = vi.fn();
    client = new StreamClient({ url: () => "ws://test/api/stream", createSocket: (url) => { const socket = new FakeSocket(url); sockets.push(socket); return socket; }, onSessionEnded: ended });
    client.start();
    const first = sockets.length;
    sockets[first - 1]!.open();
    sockets[first - 1]!.close(4401, "logged out");
    vi.advanceTimersByTime(60_000);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(sockets).toHaveLength(first);
  });

  test("topology subscriptions carry the view, get their graph messages, and resubscribe after a reconnect", () => {
    const events: string[] = [];
    client.subscribeTopology({ view: "pods", namespaces: ["shop"] }, {
      onMessage: (message) => events.push(message.type === "topology-snapshot" ? `snapshot:${message.nodes.length}` : `delta:${message.upserted.length}`),
      onResyncing: () => events.push("resyncing"),
      onError: (message) => events.push(`error:${message}`),
    });
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: "subscribe", id: "t1", resource: "topology", view: "pods", namespaces: ["shop"] }]);
    sockets[0]!.receive({ type: "topology-snapshot", id: "t1", nodes: [{ id: "a", kind: "Pod", name: "a", status: "running" }], edges: [] });
    sockets[0]!.receive({ type: "topology-delta", id: "t1", upserted: [], removed: ["a"], edgesUpserted: [], edgesRemoved: [] });
    sockets[0]!.receive({ type: "snapshot", id: "t1", items: [] });
    sockets[0]!.receive({ type: "error", id: "t1", message: "no access" });
    sockets[0]!.close(1006, "");
    vi.advanceTimersByTime(500);
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([{ type: "subscribe", id: "t1", resource: "topology", view: "pods", namespaces: ["shop"] }]);
    expect(events).toEqual(["snapshot:1", "delta:0", "error:no access", "resyncing"]);
  });

  test("unsubscribes on the wire and ignores later messages for that id", () => {
    const { events, handler } = recordingHandler();
    const unsubscribe = client.subscribe("pods", undefined, handler);
    sockets[0]!.open();
    unsubscribe();
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: "unsubscribe", id: "s1" });
    sockets[0]!.receive({ type: "snapshot", id: "s1", items: [] });
    expect(events).toEqual([]);
  });

  test("keeps the latest status per kind and tells listeners", () => {
    let calls = 0;
    client.onState(() => calls++);
    sockets[0]!.open();
    const live = { kind: "pods" as const, state: "live" as const, apiserver: "https://a", count: 1 };
    sockets[0]!.receive({ type: "status", kinds: [live, { ...live, kind: "nodes" }] });
    sockets[0]!.receive({ type: "status", kinds: [{ ...live, state: "stale", reason: "watch stalled" }] });
    expect(client.getState().kinds).toEqual([{ ...live, state: "stale", reason: "watch stalled" }, { ...live, kind: "nodes" }]);
    expect(calls).toBe(3);
  });

  test("pings while open and replaces a connection that went silent", () => {
    sockets[0]!.open();
    vi.advanceTimersByTime(15_000);
    expect(sockets[0]!.sent).toContainEqual({ type: "ping" });
    vi.advanceTimersByTime(45_000);
    expect(client.getState().connection).toMatchObject({ phase: "reconnecting", reason: "the server stopped answering (code 4000)" });
  });
});
