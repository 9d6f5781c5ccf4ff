import { describe, expect, test } from "vitest";
import { boundsOfPositions, fitToBounds, MAX_SCALE, screenToWorld, visibleWorldBounds, worldToScreen, zoomAt } from "./viewport";

describe("worldToScreen and screenToWorld", () => {
  test("are inverse of each other", () => {
    const viewport = { x: 40, y: -12, k: 2.5 };
    const world = { x: 13, y: -7 };
    const screen = worldToScreen(viewport, world);
    expect(screen).toEqual({ x: 72.5, y: -29.5 });
    expect(screenToWorld(viewport, screen)).toEqual(world);
  });
});

describe("zoomAt", () => {
  test("keeps the world point under the cursor fixed", () => {
    const viewport = { x: 10, y: 20, k: 1 };
    const cursor = { x: 300, y: 200 };
    const before = screenToWorld(viewport, cursor);
    const zoomed = zoomAt(viewport, cursor, 2);
    expect(zoomed.k).toBe(2);
    const after = screenToWorld(zoomed, cursor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  test("clamps the scale", () => {
    expect(zoomAt({ x: 0, y: 0, k: 4 }, { x: 0, y: 0 }, 100).k).toBe(MAX_SCALE);
  });
});

describe("fitToBounds", () => {
  test("shows the whole graph centred inside the padding", () => {
    const bounds = { minX: -100, minY: -50, maxX: 300, maxY: 150 };
    const size = { width: 800, height: 600 };
    const viewport = fitToBounds(bounds, size, 20);
    const topLeft = worldToScreen(viewport, { x: bounds.minX, y: bounds.minY });
    const bottomRight = worldToScreen(viewport, { x: bounds.maxX, y: bounds.maxY });
    expect(topLeft.x).toBeCloseTo(20);
    expect(bottomRight.x).toBeCloseTo(780);
    expect(topLeft.y).toBeGreaterThanOrEqual(20);
    expect(bottomRight.y).toBeLessThanOrEqual(580);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(300);
  });

  test("does not blow a single node up past the maximum fit scale", () => {
    const viewport = fitToBounds({ minX: 5, minY: 5, maxX: 5, maxY: 5 }, { width: 800, height: 600 }, 20, 2);
    expect(viewport.k).toBe(2);
    expect(worldToScreen(viewport, { x: 5, y: 5 })).toEqual({ x: 400, y: 300 });
  });
});

describe("boundsOfPositions and visibleWorldBounds", () => {
  test("bounds of interleaved positions", () => {
    expect(boundsOfPositions(new Float32Array([1, 2, -3, 8, 5, -4]))).toEqual({ minX: -3, minY: -4, maxX: 5, maxY: 8 });
    expect(boundsOfPositions(new Float32Array(0))).toBeUndefined();
  });

  test("visible world rectangle grows by the margin", () => {
    const bounds = visibleWorldBounds({ x: 100, y: 0, k: 2 }, { width: 200, height: 100 }, 10);
    expect(bounds).toEqual({ minX: -55, minY: -5, maxX: 55, maxY: 55 });
  });
});
