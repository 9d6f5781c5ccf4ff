import { describe, expect, test } from "vitest";
import { createLayoutClient, type LayoutPort, type LayoutUpdate } from "./layoutClient";
import { createInProcessLayoutPort, createManualScheduler } from "./inProcessLayoutPort";
import type { LayoutRequest } from "./layoutProtocol";
import { buildClusterGraph } from "./testGraph";

// Runs the real worker handler in-process, with a manual scheduler so the test controls when batches run.
function inProcessPort() {
  const scheduler = createManualScheduler();
  const inner = createInProcessLayoutPort(scheduler.schedule);
  const sent: LayoutRequest[] = [];
  let terminated = false;
  const port: LayoutPort = {
    send: (request, transfer) => {
      sent.push(request);
      inner.send(request, transfer);
    },
    listen: (onBatch) => inner.listen(onBatch),
    terminate: () => {
      terminated = true;
      inner.terminate();
    },
  };
  return { port, sent, drain: () => scheduler.drain(), step: () => scheduler.step(), isTerminated: () => terminated };
}

describe("createLayoutClient", () => {
  test("streams batches of positions until the layout settles", () => {
    const fake = inProcessPort();
    const client = createLayoutClient(() => fake.port);
    const updates: LayoutUpdate[] = [];
    const graph = buildClusterGraph(100);
    client.layout(graph, (update) => updates.push(update));
    fake.drain();
    expect(updates.length).toBeGreaterThan(1);
    const last = updates.at(-1);
    expect(last?.done).toBe(true);
    expect(last?.alpha).toBeLessThan(0.01);
    expect(last?.ids).toEqual(graph.nodes.map((node) => node.id));
    expect(last?.positions).toHaveLength(graph.nodes.length * 2);
    expect(updates.slice(0, -1).every((update) => !update.done)).toBe(true);
  });

  test("cancel stops further batches reaching the caller", () => {
    const fake = inProcessPort();
    const client = createLayoutClient(() => fake.port);
    const updates: LayoutUpdate[] = [];
    const cancel = client.layout(buildClusterGraph(100), (update) => updates.push(update));
    fake.step();
    fake.step();
    const seen = updates.length;
    cancel();
    fake.drain();
    expect(updates.length).toBe(seen);
    expect(fake.sent.some((request) => request.type === "cancel")).toBe(true);
  });

  test("a new layout supersedes the running one and warm-starts from the given positions", () => {
    const fake = inProcessPort();
    const client = createLayoutClient(() => fake.port);
    const first: LayoutUpdate[] = [];
    const second: LayoutUpdate[] = [];
    client.layout({ nodes: [{ id: "a" }, { id: "b" }], edges: [] }, (update) => first.push(update));
    const previous = { ids: ["a"], positions: new Float32Array([100, 200]) };
    client.layout({ nodes: [{ id: "a" }], edges: [], previous }, (update) => second.push(update));
    fake.drain();
    expect(first).toHaveLength(0);
    const last = second.at(-1);
    expect(last?.done).toBe(true);
    expect(Math.hypot((last?.positions[0] ?? 0) - 100, (last?.positions[1] ?? 0) - 200)).toBeLessThanOrEqual(4);
    expect(previous.positions[0]).toBe(100);
  });

  test("dispose terminates the worker", () => {
    const fake = inProcessPort();
    const client = createLayoutClient(() => fake.port);
    client.layout({ nodes: [{ id: "a" }], edges: [] }, () => undefined);
    client.dispose();
    expect(fake.isTerminated()).toBe(true);
  });
});
