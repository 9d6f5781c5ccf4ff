/** Coalesces redraw requests into at most one call per animation frame. */
export interface FrameScheduler {
  request(): void;
  cancel(): void;
}

export function createFrameScheduler(
  draw: () => void,
  requestFrame: (callback: () => void) => number = (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
): FrameScheduler {
  let pending: number | undefined;
  return {
    request() {
      if (pending !== undefined) return;
      pending = requestFrame(() => {
        pending = undefined;
        draw();
      });
    },
    cancel() {
      if (pending !== undefined) cancelFrame(pending);
      pending = undefined;
    },
  };
}
