import { describe, expect, test } from "vitest";
import type { TopologyMessage } from "@/lib/wire/topology";
import { TopologyFeedModel, type TopologySubscriber } from "./topologyFeed";

type Handler = Parameters<TopologySubscriber["subscribeTopology"]>[1];

function fakeStream() {
  const requests: unknown[] = [];
  let handler: Handler | undefined;
  let unsubscribed = 0;
  const stream: TopologySubscriber = {
    subscribeTopology: (request, next) => {
      requests.push(request);
      handler = next;
      return () => unsubscribed++;
    },
  };
  return { stream, requests, send: (message: TopologyMessage) => handler!.onMessage(message), handler: () => handler!, unsubscribed: () => unsubscribed };
}

const snapshot: TopologyMessage = { type: "topology-snapshot", id: "t1", nodes: [{ id: "a", kind: "Pod", name: "a", status: "running" }], edges: [] };
const addB: TopologyMessage = { type: "topology-delta", id: "t1", upserted: [{ id: "b", kind: "Pod", name: "b", status: "pending" }], removed: [], edgesUpserted: [], edgesRemoved: [] };

describe("TopologyFeedModel", () => {
  test("publishes the snapshot, then each delta", () => {
    const fake = fakeStream();
    const model = new TopologyFeedModel(fake.stream);
    model.start({ view: "pods" });
    expect(model.getState().loaded).toBe(false);
    fake.send(snapshot);
    expect(model.getState()).toMatchObject({ loaded: true, resyncing: false });
    fake.send(addB);
    expect(model.getState().nodes.map((node) => node.id)).toEqual(["a", "b"]);
  });

  test("a dropped stream marks the graph as resyncing until the next snapshot", () => {
    const fake = fakeStream();
    const model = new TopologyFeedModel(fake.stream);
    model.start({ view: "pods" });
    fake.send(snapshot);
    fake.handler().onResyncing();
    expect(model.getState()).toMatchObject({ resyncing: true, loaded: true });
    expect(model.getState().nodes).toHaveLength(1);
    fake.send({ ...snapshot, nodes: [] });
    expect(model.getState()).toMatchObject({ resyncing: false, nodes: [] });
  });

  test("pausing holds changes back and counts them; resuming shows the latest graph", () => {
    const fake = fakeStream();
    const model = new TopologyFeedModel(fake.stream);
    model.start({ view: "pods" });
    fake.send(snapshot);
    model.setPaused(true);
    fake.send(addB);
    expect(model.getState()).toMatchObject({ paused: true, pendingChanges: 1 });
    expect(model.getState().nodes).toHaveLength(1);
    model.setPaused(false);
    expect(model.getState()).toMatchObject({ paused: false, pendingChanges: 0 });
    expect(model.getState().nodes).toHaveLength(2);
  });

  test("errors are shown until data comes; a new request replaces the old subscription", () => {
    const fake = fakeStream();
    const model = new TopologyFeedModel(fake.stream);
    model.start({ view: "pods" });
    fake.handler().onError?.("no access");
    expect(model.getState().error).toBe("no access");
    model.start({ view: "hosts", namespaces: ["shop"] });
    expect(fake.unsubscribed()).toBe(1);
    expect(fake.requests).toEqual([{ view: "pods" }, { view: "hosts", namespaces: ["shop"] }]);
    expect(model.getState().error).toBeUndefined();
  });

  test("updates held during a gesture are published, all at once, when it ends", () => {
    const fake = fakeStream();
    const model = new TopologyFeedModel(fake.stream);
    model.start({ view: "pods" });
    fake.send(snapshot);
    model.setHeld(true);
    fake.send(addB);
    expect(model.getState().nodes).toHaveLength(1);
    model.setHeld(false);
    expect(model.getState().nodes).toHaveLength(2);
  });
});
