/** The part of a canvas the compositor uses; a real HTMLCanvasElement, or a fake in tests. */
export type CompositeCanvas = Pick<HTMLCanvasElement, "width" | "height" | "getContext" | "toBlob">;

const createDocumentCanvas = (): CompositeCanvas => document.createElement("canvas");

/** Paints `background` and then each layer in order onto one canvas and encodes it as PNG, at the layers' device-pixel size. */
export function canvasesToPngBlob(
  layers: readonly HTMLCanvasElement[],
  background: string,
  createCanvas: () => CompositeCanvas = createDocumentCanvas,
): Promise<Blob> {
  // The executor runs inside the promise, so a throw (a tainted canvas) becomes a rejection too.
  return new Promise<Blob>((resolve, reject) => {
    const { width, height } = layerSize(layers);
    const output = createCanvas();
    output.width = width;
    output.height = height;
    const ctx = output.getContext("2d");
    if (!ctx) throw new Error("Cannot export PNG: the browser gave no 2D canvas context; try the SVG export instead.");
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    for (const layer of layers) ctx.drawImage(layer, 0, 0);
    output.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error(`Cannot export PNG: the browser produced no image for a ${width}×${height} canvas (it may be too large); try a smaller window or the SVG export.`));
    }, "image/png");
  });
}

function layerSize(layers: readonly HTMLCanvasElement[]): { width: number; height: number } {
  const [first] = layers;
  if (!first) throw new Error("Cannot export PNG: there is no map layer to export.");
  const { width, height } = first;
  if (width === 0 || height === 0) throw new Error("Cannot export PNG: the map has no size yet; wait until it is shown.");
  const other = layers.find((layer) => layer.width !== width || layer.height !== height);
  if (other) throw new Error(`Cannot export PNG: the map layers differ in size (${width}×${height} and ${other.width}×${other.height}).`);
  return { width, height };
}
