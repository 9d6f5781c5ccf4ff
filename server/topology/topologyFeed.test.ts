import { describe, expect, test } from "vitest";
import type { TopologyMessage } from "@/lib/wire/topology";
import { allUsage } from "../access/types";
import { FakeCache } from "../stream/testing/fakeCache";
import { pod } from "./testing/fixtures";
import { TopologyFeed, type TopologyFeedHost } from "./topologyFeed";

function harness(threshold = 1000) {
  const cache = new FakeCache();
  const sent: TopologyMessage[] = [];
  const state = { behind: false };
  const host: TopologyFeedHost = {
    cache,
    scopeOf: () => ({ all: true }),
    usageScope: () => allUsage,
    send: (text) => sent.push(JSON.parse(text) as TopologyMessage),
    isBehind: () => state.behind,
  };
  const feed = new TopologyFeed({ type: "subscribe", id: "m", resource: "topology", view: "pods" }, host, { threshold, frameMs: 10 });
  return { cache, sent, state, feed };
}

const settle = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms));

describe("TopologyFeed", () => {
  test("waits while the socket is behind, then sends everything that changed in one delta", async () => {
    const { cache, sent, state, feed } = harness();
    feed.sendSnapshot();
    state.behind = true;
    cache.seed("pods", [pod("a", "shop"), pod("b", "shop")]);
    feed.changed();
    await settle();
    expect(sent.map((m) => m.type)).toEqual(["topology-snapshot"]);
    state.behind = false;
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ type: "topology-delta", removed: [] });
    expect(sent[1]!.type === "topology-delta" && sent[1]!.upserted.map((n) => n.name).sort()).toEqual(["a", "b"]);
    feed.stop();
  });

  test("a view that starts needing groups gets a fresh snapshot saying so", async () => {
    const { cache, sent, feed } = harness(3);
    cache.seed("pods", [pod("a", "shop")]);
    feed.sendSnapshot();
    cache.seed("pods", [pod("b", "shop"), pod("c", "shop"), pod("d", "web")]);
    feed.changed();
    await settle();
    expect(sent.map((m) => m.type)).toEqual(["topology-snapshot", "topology-snapshot"]);
    expect(sent[1]).toMatchObject({ aggregated: { by: "namespace", total: 4 } });
    feed.stop();
  });

  test("nothing is sent when the change does not alter the view, nor after stop", async () => {
    const { cache, sent, feed } = harness();
    cache.seed("pods", [pod("a", "shop")]);
    feed.sendSnapshot();
    feed.changed();
    await settle();
    feed.stop();
    cache.seed("pods", [pod("b", "shop")]);
    feed.changed();
    await settle();
    expect(sent.map((m) => m.type)).toEqual(["topology-snapshot"]);
  });
});
