import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { drawScene } from "./drawScene";
import { RecordingContext } from "./recordingContext";
import { buildScene } from "./scene";
import { STATUS_COLOURS, statusColourOf } from "./style";

const readyHostWithFailedPod: TopologyNode = { id: "h", kind: "Node", name: "worker-1", status: "running", group: { by: "node", key: "worker-1", count: 4, worst: "failed" } };
const emptyHost: TopologyNode = { id: "e", kind: "Node", name: "worker-2", status: "running", group: { by: "node", key: "worker-2", count: 0, worst: "running" } };
const group: TopologyNode = { id: "g", kind: "Group", name: "shop", status: "failed", group: { by: "namespace", key: "shop", count: 40, worst: "failed" } };

function draw(nodes: TopologyNode[], k = 1) {
  const positions = new Float32Array(nodes.flatMap((_, i) => [i * 60, 0]));
  const ctx = new RecordingContext();
  drawScene(ctx, buildScene(nodes, [], nodes.map((n) => n.id), positions), { x: 100, y: 100, k }, { width: 800, height: 600 });
  return ctx;
}

describe("health colours of hosts and namespaces", () => {
  test("a Ready host is filled green even when one of its pods failed", () => {
    expect(statusColourOf(readyHostWithFailedPod)).toBe(STATUS_COLOURS.running);
    expect(draw([readyHostWithFailedPod]).of("fill").map((call) => call.args.at(-1))).toEqual([STATUS_COLOURS.running]);
  });

  test("its pods' worst status is a ring around it, in that status's colour", () => {
    const strokes = draw([readyHostWithFailedPod]).of("stroke").map((call) => call.args.at(-1));
    expect(strokes).toContain(STATUS_COLOURS.failed);
  });

  test("a host without pods has no ring; an aggregated group is still filled with its worst", () => {
    const ctx = draw([emptyHost, group]);
    expect(ctx.of("stroke").map((call) => call.args.at(-1))).not.toContain(STATUS_COLOURS.running);
    expect(ctx.of("fill").map((call) => call.args.at(-1))).toContain(STATUS_COLOURS.failed);
  });

  test("zoomed out to dots, no ring is drawn", () => {
    expect(draw([readyHostWithFailedPod], 0.3).of("stroke").map((call) => call.args.at(-1))).not.toContain(STATUS_COLOURS.failed);
  });
});
