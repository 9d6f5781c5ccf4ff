/** The part of CanvasRenderingContext2D the topology renderers use; narrow so a recording fake can stand in for tests. */
export type TopologyContext = Pick<
  CanvasRenderingContext2D,
  | "setTransform" | "clearRect" | "beginPath" | "closePath" | "moveTo" | "lineTo" | "quadraticCurveTo" | "arc" | "rect"
  | "fill" | "stroke" | "fillText" | "strokeText" | "lineJoin" | "fillStyle" | "strokeStyle" | "lineWidth" | "font" | "textAlign" | "textBaseline" | "globalAlpha"
>;

/** Sets the context to draw in world units under `viewport`, at the device pixel ratio. */
export function applyWorldTransform(ctx: TopologyContext, viewport: { x: number; y: number; k: number }, pixelRatio: number): void {
  ctx.setTransform(pixelRatio * viewport.k, 0, 0, pixelRatio * viewport.k, pixelRatio * viewport.x, pixelRatio * viewport.y);
}

/** Sets the context to draw in CSS pixels, for text that keeps its size at any zoom. */
export function applyScreenTransform(ctx: TopologyContext, pixelRatio: number): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
}
