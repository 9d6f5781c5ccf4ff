import { describe, expect, test } from "vitest";
import { warmSettleTicks, createLayoutSimulation, defaultSettleTicks, positionsById, SETTLED_ALPHA, type LayoutPoint } from "./simulate";
import { buildClusterGraph } from "./testGraph";

function settle(simulation: ReturnType<typeof createLayoutSimulation>, maxTicks: number): number {
  let ticks = 0;
  while (!simulation.isSettled() && ticks < maxTicks) {
    simulation.tick(1);
    ticks++;
  }
  return ticks;
}

function layoutOnce(podCount: number): Map<string, LayoutPoint> {
  const simulation = createLayoutSimulation(buildClusterGraph(podCount));
  settle(simulation, 400);
  return positionsById(simulation.ids, simulation.positions());
}

function driftOf(before: Map<string, LayoutPoint>, after: Map<string, LayoutPoint>): number[] {
  return [...before].map(([id, point]) => {
    const moved = after.get(id);
    if (!moved) throw new Error(`node ${id} lost in the new layout`);
    return Math.hypot(moved.x - point.x, moved.y - point.y);
  });
}

// The old graph plus 10% more pods on the same hosts and controllers.
function grownGraph(podCount: number) {
  const base = buildClusterGraph(podCount);
  const hosts = base.nodes.filter((node) => node.id.startsWith("host-")).length;
  const controllers = base.nodes.filter((node) => node.id.startsWith("controller-")).length;
  const extra = Math.round(podCount / 10);
  for (let p = podCount; p < podCount + extra; p++) {
    base.nodes.push({ id: `pod-${p}` });
    base.edges.push({ source: `pod-${p}`, target: `host-${p % hosts}` });
    base.edges.push({ source: `controller-${p % controllers}`, target: `pod-${p}` });
  }
  return { ...base, extra };
}

describe("createLayoutSimulation", () => {
  test("settles 1,000 pods (plus hosts and controllers) below alpha 0.01 within its tick budget", () => {
    const graph = buildClusterGraph(1000);
    const simulation = createLayoutSimulation(graph);
    const ticks = settle(simulation, 1000);
    expect(simulation.alpha()).toBeLessThan(SETTLED_ALPHA);
    expect(ticks).toBeLessThanOrEqual(defaultSettleTicks(graph.nodes.length) + 1);
    const positions = simulation.positions();
    expect(positions.every(Number.isFinite)).toBe(true);
  });

  test("spreads nodes apart instead of stacking them", () => {
    const positions = [...layoutOnce(200).values()];
    const distinct = new Set(positions.map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
    expect(distinct.size).toBeGreaterThan(positions.length * 0.9);
  });

  test("warm start keeps existing nodes within 4 px after 10% more nodes arrive", () => {
    const before = layoutOnce(500);
    const grown = grownGraph(500);
    const simulation = createLayoutSimulation({ ...grown, previous: before });
    settle(simulation, 400);
    const after = positionsById(simulation.ids, simulation.positions());
    expect(Math.max(...driftOf(before, after))).toBeLessThanOrEqual(4 + 1e-3);
  });

  test("anchoring alone, without the drift clamp, keeps most existing nodes within a few px", () => {
    const before = layoutOnce(500);
    const simulation = createLayoutSimulation({ ...grownGraph(500), previous: before }, { maxDrift: Number.POSITIVE_INFINITY });
    settle(simulation, 400);
    const drift = driftOf(before, positionsById(simulation.ids, simulation.positions())).sort((a, b) => a - b);
    const median = drift[Math.floor(drift.length / 2)] ?? Number.POSITIVE_INFINITY;
    expect(median).toBeLessThan(3);
  });

  test("when a few nodes come and go, the nodes already placed do not move at all", () => {
    const before = layoutOnce(500);
    const simulation = createLayoutSimulation({ ...grownGraph(500), previous: before }, { maxDrift: Number.POSITIVE_INFINITY });
    settle(simulation, 400);
    expect(Math.max(...driftOf(before, positionsById(simulation.ids, simulation.positions())))).toBeLessThan(1e-3);
  });

  test("spreads to the shape of a wide screen", () => {
    const graph = buildClusterGraph(200);
    const simulation = createLayoutSimulation({ ...graph, aspect: 2.5 });
    settle(simulation, 400);
    const points = [...positionsById(simulation.ids, simulation.positions()).values()];
    const width = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
    const height = Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
    expect(width / height).toBeGreaterThan(1.8);
  });

  test("places a new node next to a neighbour that already has a position", () => {
    const previous = new Map<string, LayoutPoint>([["host", { x: 500, y: -300 }], ["other", { x: -500, y: 300 }]]);
    const simulation = createLayoutSimulation({
      nodes: [{ id: "host" }, { id: "other" }, { id: "pod" }],
      edges: [{ source: "pod", target: "host" }],
      previous,
    });
    const placed = positionsById(simulation.ids, simulation.positions()).get("pod");
    expect(placed).toBeDefined();
    expect(Math.hypot((placed?.x ?? 0) - 500, (placed?.y ?? 0) + 300)).toBeLessThan(20);
  });

  test("ignores edges whose ends are not in the graph", () => {
    const simulation = createLayoutSimulation({ nodes: [{ id: "a" }], edges: [{ source: "a", target: "missing" }] });
    simulation.tick(10);
    expect(simulation.positions()).toHaveLength(2);
  });

  test("restarts gently when most nodes are known, at full strength when most are new", () => {
    const graph = buildClusterGraph(100);
    const mostlyKnown = new Map(graph.nodes.slice(0, 100).map((node, i) => [node.id, { x: i * 10, y: 0 }]));
    const fewKnown = new Map(graph.nodes.slice(0, 5).map((node, i) => [node.id, { x: i * 10, y: 0 }]));
    expect(createLayoutSimulation({ ...graph, previous: mostlyKnown }).alpha()).toBeCloseTo(0.1);
    expect(createLayoutSimulation({ ...graph, previous: fewKnown }).alpha()).toBe(1);
  });
});

describe("warmSettleTicks", () => {
  test("a fresh or mostly new graph gets every tick; a few new nodes among many get fewer, never under 20", () => {
    expect(warmSettleTicks(12_000, 0)).toBe(100);
    expect(warmSettleTicks(12_000, 0.4)).toBe(100);
    expect(warmSettleTicks(12_000, 0.95)).toBe(50);
    expect(warmSettleTicks(12_000, 0.995)).toBe(20);
    expect(warmSettleTicks(500, 0.99)).toBe(20);
    expect(warmSettleTicks(500, 0.9)).toBe(200);
  });
});
