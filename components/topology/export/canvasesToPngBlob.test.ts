import { describe, expect, test } from "vitest";
import { canvasesToPngBlob, type CompositeCanvas } from "./canvasesToPngBlob";

interface Drawn { op: string; args: unknown[]; fillStyle?: string }

// A canvas that records what is drawn on it and "encodes" to a blob listing those operations.
function fakeCanvas(name: string, width: number, height: number, encodes = true) {
  const drawn: Drawn[] = [];
  const ctx = {
    fillStyle: "",
    fillRect(...args: unknown[]) { drawn.push({ op: "fillRect", args, fillStyle: ctx.fillStyle }); },
    drawImage(image: { name?: string }, ...args: unknown[]) { drawn.push({ op: "drawImage", args: [image.name, ...args] }); },
  };
  const canvas = {
    name,
    width,
    height,
    getContext: () => ctx,
    toBlob(callback: BlobCallback, type?: string) {
      queueMicrotask(() => callback(encodes ? new Blob([JSON.stringify({ width: canvas.width, height: canvas.height, drawn })], { type }) : null));
    },
  };
  return { canvas: canvas as unknown as HTMLCanvasElement & CompositeCanvas, drawn };
}

describe("canvasesToPngBlob", () => {
  test("fills the background, then draws the layers in order, at their pixel size", async () => {
    const staticLayer = fakeCanvas("static", 1600, 1200).canvas;
    const interactionLayer = fakeCanvas("interaction", 1600, 1200).canvas;
    const output = fakeCanvas("output", 0, 0);
    const blob = await canvasesToPngBlob([staticLayer, interactionLayer], "#ffffff", () => output.canvas);
    expect(blob.type).toBe("image/png");
    expect(JSON.parse(await blob.text())).toEqual({
      width: 1600,
      height: 1200,
      drawn: [
        { op: "fillRect", args: [0, 0, 1600, 1200], fillStyle: "#ffffff" },
        { op: "drawImage", args: ["static", 0, 0] },
        { op: "drawImage", args: ["interaction", 0, 0] },
      ],
    });
  });

  test("rejects with a clear error when the browser gives no blob", async () => {
    const layer = fakeCanvas("static", 100, 50).canvas;
    await expect(canvasesToPngBlob([layer], "#fff", () => fakeCanvas("output", 0, 0, false).canvas)).rejects.toThrow(/no image for a 100×50 canvas/);
  });

  test("rejects layers of different sizes, no layers, and a map not yet sized", async () => {
    const output = () => fakeCanvas("output", 0, 0).canvas;
    const a = fakeCanvas("a", 100, 50).canvas;
    const b = fakeCanvas("b", 200, 50).canvas;
    await expect(canvasesToPngBlob([a, b], "#fff", output)).rejects.toThrow("differ in size (100×50 and 200×50)");
    await expect(canvasesToPngBlob([], "#fff", output)).rejects.toThrow("no map layer");
    await expect(canvasesToPngBlob([fakeCanvas("z", 0, 0).canvas], "#fff", output)).rejects.toThrow("no size yet");
  });

  test("rejects when the browser gives no 2D context", async () => {
    const output = { ...fakeCanvas("output", 0, 0).canvas, getContext: () => null } as unknown as CompositeCanvas;
    await expect(canvasesToPngBlob([fakeCanvas("a", 10, 10).canvas], "#fff", () => output)).rejects.toThrow("no 2D canvas context");
  });
});
