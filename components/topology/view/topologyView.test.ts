// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import { createInProcessLayoutPort, createManualScheduler } from "../layout/inProcessLayoutPort";
import { RecordingContext } from "../render/recordingContext";
import { worldToScreen } from "../render/viewport";
import { TopologyView } from "./topologyView";

const host: TopologyNode = { id: "h", kind: "Node", name: "host-1", status: "running" };
const pods: TopologyNode[] = [0, 1, 2, 3].map((i) => ({ id: `p${i}`, kind: "Pod", name: `pod-${i}`, status: "running" }));
const edges: TopologyEdge[] = pods.map((pod) => ({ id: `e-${pod.id}`, source: pod.id, target: "h", kind: "scheduled" }));
const neighboursOf = (id: string) => (id === "h" ? pods.map((pod) => pod.id) : ["h"]);

describe("TopologyView", () => {
  const contexts = new Map<HTMLCanvasElement, RecordingContext>();
  let frames: Array<() => void> = [];

  beforeEach(() => {
    frames = [];
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => frames.push(callback));
    vi.stubGlobal("cancelAnimationFrame", () => undefined);
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (this: HTMLCanvasElement) {
      const ctx = contexts.get(this) ?? new RecordingContext();
      contexts.set(this, ctx);
      return ctx as unknown as CanvasRenderingContext2D;
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    contexts.clear();
  });

  function mount() {
    const staticCanvas = document.createElement("canvas");
    const interactionCanvas = document.createElement("canvas");
    document.body.append(staticCanvas, interactionCanvas);
    const scheduler = createManualScheduler();
    const onSelect = vi.fn();
    const view = new TopologyView({ staticCanvas, interactionCanvas, onSelect, openLayoutPort: () => createInProcessLayoutPort(scheduler.schedule) });
    view.resize({ width: 800, height: 600 }, 1);
    return { view, staticCanvas, interactionCanvas, scheduler, onSelect };
  }

  const runFrames = () => frames.splice(0).forEach((frame) => frame());

  test("lays the graph out, fits it on screen and paints every node", () => {
    const { view, staticCanvas, scheduler } = mount();
    view.setGraph([host, ...pods], edges, neighboursOf);
    scheduler.drain();
    runFrames();
    const viewport = view.currentViewport();
    expect(viewport.k).toBeGreaterThan(0.5);
    const painted = contexts.get(staticCanvas);
    // Four pods share one colour: one fill path with four circles; the host is a hexagon.
    expect(painted?.count("arc")).toBe(4);
    expect(painted?.count("clearRect")).toBeGreaterThan(0);
    view.destroy();
  });

  test("a click on a node selects it; a click on empty space clears the selection", () => {
    const { view, interactionCanvas, scheduler, onSelect } = mount();
    view.setGraph([host, ...pods], edges, neighboursOf);
    scheduler.drain();
    runFrames();
    const hostPosition = hostOnScreen(view);
    interactionCanvas.dispatchEvent(new MouseEvent("click", { clientX: hostPosition.x, clientY: hostPosition.y }));
    interactionCanvas.dispatchEvent(new MouseEvent("click", { clientX: 2, clientY: 2 }));
    expect(onSelect.mock.calls).toEqual([["h"], [undefined]]);
    view.destroy();
  });

  test("selection paints a ring on the interaction layer", () => {
    const { view, interactionCanvas, scheduler } = mount();
    view.setGraph([host, ...pods], edges, neighboursOf);
    scheduler.drain();
    runFrames();
    view.setInteraction({ selectedId: "p1" });
    runFrames();
    expect(contexts.get(interactionCanvas)?.count("stroke")).toBeGreaterThan(0);
    view.destroy();
  });

  test("a new pod counts as on screen only from the frame that draws it where the layout put it", () => {
    const { view, scheduler } = mount();
    view.setGraph([host, ...pods], edges, neighboursOf);
    scheduler.drain();
    runFrames();
    const newcomer: TopologyNode = { id: "p9", kind: "Pod", name: "pod-9", status: "pending" };
    view.firstPaints.watch("pod-9");
    view.setGraph([host, ...pods, newcomer], [...edges, { id: "e-p9", source: "p9", target: "h", kind: "scheduled" }], neighboursOf);
    runFrames();
    // Painted, but at 0,0 waiting for the layout: not yet the pod on the map.
    expect(view.idsNamed("pod-9")).toEqual(["p9"]);
    expect(view.firstPaints.paintedAtOf("pod-9")).toBeUndefined();
    scheduler.drain();
    expect(view.firstPaints.paintedAtOf("pod-9")).toBeUndefined();
    const beforePaint = Date.now();
    runFrames();
    expect(view.firstPaints.paintedAtOf("pod-9")).toBeGreaterThanOrEqual(beforePaint);
    view.destroy();
  });
});

function hostOnScreen(view: TopologyView): { x: number; y: number } {
  const world = view.positionOf("h");
  if (!world) throw new Error("host not laid out");
  return worldToScreen(view.currentViewport(), world);
}

describe("TopologyView relayout", () => {
  test("a status-only update repaints without starting a new layout", () => {
    const staticCanvas = document.createElement("canvas");
    const interactionCanvas = document.createElement("canvas");
    const scheduler = createManualScheduler();
    const sent: string[] = [];
    const view = new TopologyView({
      staticCanvas,
      interactionCanvas,
      openLayoutPort: () => {
        const port = createInProcessLayoutPort(scheduler.schedule);
        return { ...port, send: (request, transfer) => { sent.push(request.type); port.send(request, transfer); } };
      },
    });
    view.setGraph([host, ...pods], edges, neighboursOf);
    scheduler.drain();
    const before = view.positionOf("p1");
    view.setGraph([host, ...pods.map((pod) => ({ ...pod, status: "crashlooping" as const }))], edges, neighboursOf);
    expect(sent).toEqual(["layout"]);
    expect(view.positionOf("p1")).toEqual(before);
    view.setGraph([host, ...pods, { id: "p9", kind: "Pod", name: "pod-9", status: "pending" }], edges, neighboursOf);
    expect(sent).toEqual(["layout", "layout"]);
    view.destroy();
  });
});
