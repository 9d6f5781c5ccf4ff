import { expect, type Locator, type Page } from "@playwright/test";

export interface MapNode { id: string; kind: string; name: string; namespace?: string }

// The canvas cannot be read like the DOM: the page exposes a read-only handle (components/topology/view/topologyHandle.ts).
interface Handle {
  nodeCount(): number;
  nodes(): MapNode[];
  highlighted(): MapNode[];
  idsNamed(name: string): string[];
  screenPositionOf(id: string): { x: number; y: number } | undefined;
  viewport(): { x: number; y: number; k: number };
  layoutDone(): boolean;
}

/** The topology page: map, search, filters and details panel. */
export class TopologyMap {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/topology${query}`);
    await expect(this.canvas()).toBeVisible();
  }

  canvas(): Locator {
    return this.page.getByTestId("topology-canvas");
  }

  search(): Locator {
    return this.page.getByRole("textbox", { name: "Search the map" });
  }

  searchStatus(): Locator {
    return this.page.locator("#topology-search-status");
  }

  pinnedSearches(): Locator {
    return this.page.getByLabel("Pinned searches");
  }

  details(): Locator {
    return this.page.getByRole("complementary", { name: "Details" });
  }

  detailsHeading(): Locator {
    return this.details().getByRole("heading").first();
  }

  private handle<T>(read: (handle: Handle) => T): Promise<T> {
    return this.page.evaluate(`(${read.toString()})(window.__orreryTopology)`) as Promise<T>;
  }

  nodes(): Promise<MapNode[]> {
    return this.handle((handle) => (handle ? handle.nodes() : []));
  }

  highlighted(): Promise<MapNode[]> {
    return this.handle((handle) => (handle ? handle.highlighted() : []));
  }

  viewport(): Promise<{ x: number; y: number; k: number }> {
    return this.handle((handle) => handle.viewport());
  }

  /** Waits until the layout of the graph on screen has come to rest. */
  async settled(): Promise<void> {
    await expect.poll(() => this.handle((handle) => !!handle && handle.nodeCount() > 0 && handle.layoutDone()), { timeout: 60_000 }).toBe(true);
  }

  /** Where each node is on screen now, in CSS pixels. */
  screenPositions(): Promise<Record<string, { x: number; y: number } | undefined>> {
    return this.handle((handle) => Object.fromEntries(handle.nodes().map((node) => [node.id, handle.screenPositionOf(node.id)])));
  }

  async clickNode(id: string): Promise<void> {
    const point = await this.page.evaluate((nodeId) => (window as unknown as { __orreryTopology: Handle }).__orreryTopology.screenPositionOf(nodeId), id);
    if (!point) throw new Error(`node ${id} is not on the map`);
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error("the map canvas has no box");
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }
}
