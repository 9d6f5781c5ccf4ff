// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { TopologyNode } from "@/lib/wire/topology";
import { createInProcessLayoutPort } from "./layout/inProcessLayoutPort";
import { RecordingContext } from "./render/recordingContext";
import { TopologyCanvas } from "./TopologyCanvas";

const nodes: TopologyNode[] = [{ id: "h", kind: "Node", name: "host-1", status: "running" }];
const openLayoutPort = () => createInProcessLayoutPort();
const noNeighbours = () => [];

describe("TopologyCanvas", () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(() => new RecordingContext() as unknown as CanvasRenderingContext2D);
    if (typeof ResizeObserver === "undefined") {
      vi.stubGlobal("ResizeObserver", class { observe() {} disconnect() {} });
    }
  });

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  test("renders the two layers and names the map with its size", () => {
    const { container } = render(<TopologyCanvas nodes={nodes} edges={[]} neighboursOf={noNeighbours} openLayoutPort={openLayoutPort} />);
    expect(container.querySelectorAll("canvas")).toHaveLength(2);
    expect(screen.getByRole("img", { name: "Topology map, 1 node" })).toBeTruthy();
  });

  test("reports a click on empty space as clearing the selection", () => {
    const onSelect = vi.fn();
    render(<TopologyCanvas nodes={nodes} edges={[]} neighboursOf={noNeighbours} openLayoutPort={openLayoutPort} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("img"), { clientX: 5000, clientY: 5000 });
    expect(onSelect).toHaveBeenCalledWith(undefined);
  });
});
