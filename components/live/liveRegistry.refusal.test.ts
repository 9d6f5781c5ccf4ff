import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import type { Person } from "@/server/auth/person";
import type { ResourceKind } from "@/server/kube/resources";
import type { ListScope, StreamAccess } from "@/server/stream/streamAccess";
import { createStreamServer } from "@/server/stream/streamServer";
import { FakeCache, fakePod } from "@/server/stream/testing/fakeCache";
import { LiveRegistry } from "./liveRegistry";
import { StreamClient, type SocketLike } from "./streamClient";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const dev: Person = { name: "dev", groups: [], via: "session", readOnly: false, sessionId: "s1" };
// dev may list pods in shop only.
const shopOnly: StreamAccess = { listScope: async (kind: ResourceKind): Promise<ListScope> => ({ all: false, namespaces: new Set(kind === "pods" ? ["shop"] : []) }) };

/** The real /api/stream server, filtering for dev, and the tab's real client and registry connected to it. */
async function registryOnRealStream(): Promise<LiveRegistry> {
  const cache = new FakeCache();
  cache.seed("pods", [fakePod("web-1", "shop"), fakePod("dns", "kube-system")]);
  const stream = createStreamServer({ cache, coalesceMs: 0, authorize: () => ({ ok: true, person: dev }), accessFor: () => shopOnly });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  const client = new StreamClient({ url: () => `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream`, createSocket: (url) => new WebSocket(url) as unknown as SocketLike });
  client.start();
  cleanups.push(() => client.stop());
  return new LiveRegistry(client, 1000, (publish) => publish());
}

async function settled(registry: LiveRegistry, namespace: string) {
  const collection = registry.peek("pods", namespace);
  for (let i = 0; i < 200 && !collection.getSnapshot().loaded; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return collection.getSnapshot();
}

describe("LiveRegistry on the real stream", () => {
  test("a list the server refuses ends loading and carries the server's reason", async () => {
    const registry = await registryOnRealStream();
    cleanups.push(registry.acquire("pods", "kube-system"));
    expect(await settled(registry, "kube-system")).toMatchObject({ loaded: true, items: [], refused: "you may not list pods in namespace kube-system" });
  });

  test("an allowed list carries its objects and no refusal", async () => {
    const registry = await registryOnRealStream();
    cleanups.push(registry.acquire("pods", "shop"));
    const snapshot = await settled(registry, "shop");
    expect(snapshot.items.map((pod) => pod.metadata.name)).toEqual(["web-1"]);
    expect(snapshot.refused).toBeUndefined();
  });
});
