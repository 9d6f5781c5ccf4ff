// Drives the map as a person would: drags to pan and wheel turns to zoom, back and forth so the graph stays in view.
// Input goes through the DevTools protocol at a mouse's pace (one event per 60 Hz frame) instead of page.mouse, which
// waits for each event's round trip and so leaves most frames without input: those would time an idle page.
import { setTimeout as delay } from "node:timers/promises";
import type { CDPSession, Page } from "@playwright/test";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GestureCounts {
  drags: number;
  wheelEvents: number;
  /** Mouse and wheel events sent in all. */
  events: number;
}

type MouseEvent = { type: "mousePressed" | "mouseMoved" | "mouseReleased" | "mouseWheel"; x: number; y: number; deltaY?: number };

// Points (as fractions of the canvas) where zooms happen; several so level of detail changes in different places.
const zoomPoints = [[0.5, 0.5], [0.3, 0.35], [0.7, 0.6], [0.4, 0.7], [0.65, 0.3]] as const;
const EVENT_INTERVAL_MS = 1000 / 60;
/** Events sent and not yet acknowledged; beyond this the sender waits, as the browser would coalesce them anyway. */
const MAX_IN_FLIGHT = 2;
const DRAG_EVENTS = 45;
/** Wheel events per zoom step: d3-zoom scales by 2^(0.002 · 40) per event, so one step is about ×1.95. */
const WHEEL_EVENTS = 12;
const WHEEL_DELTA = 40;
/** Zoom steps in and back out, round after round: about ×2, ×3.8 and ×7.4, from the fitted map down to labels. */
const ZOOM_DEPTHS = [1, 2, 3] as const;

function dragEvents(box: Box, dx: number, dy: number): MouseEvent[] {
  const x0 = box.x + box.width / 2 - dx / 2;
  const y0 = box.y + box.height / 2 - dy / 2;
  const moves = Array.from({ length: DRAG_EVENTS }, (_, i): MouseEvent => {
    const t = (i + 1) / DRAG_EVENTS;
    return { type: "mouseMoved", x: x0 + dx * t, y: y0 + dy * t };
  });
  return [{ type: "mousePressed", x: x0, y: y0 }, ...moves, { type: "mouseReleased", x: x0 + dx, y: y0 + dy }];
}

function wheelEvents(box: Box, point: readonly [number, number], direction: 1 | -1, depth: number): MouseEvent[] {
  const [x, y] = [box.x + box.width * point[0], box.y + box.height * point[1]];
  return Array.from({ length: WHEEL_EVENTS * depth }, (): MouseEvent => ({ type: "mouseWheel", x, y, deltaY: direction * WHEEL_DELTA }));
}

function send(cdp: CDPSession, event: MouseEvent): Promise<unknown> {
  const buttons = event.type === "mouseWheel" || event.type === "mouseReleased" ? 0 : 1;
  const button = event.type === "mouseWheel" ? "none" : "left";
  const press = event.type === "mousePressed" || event.type === "mouseReleased" ? { clickCount: 1 } : {};
  return cdp.send("Input.dispatchMouseEvent", { ...event, deltaX: 0, deltaY: event.deltaY ?? 0, button, buttons, ...press });
}

/** Sends the events one per frame interval, never more than MAX_IN_FLIGHT ahead of the browser. */
async function paced(cdp: CDPSession, events: readonly MouseEvent[]): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  let due = performance.now();
  for (const event of events) {
    if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
    const wait = due - performance.now();
    if (wait > 0) await delay(wait);
    inFlight.push(send(cdp, event));
    // A browser that fell behind gets the next event a frame after this one, not a burst to catch up.
    due = Math.max(due, performance.now()) + EVENT_INTERVAL_MS;
  }
  await Promise.all(inFlight);
}

interface Segment {
  drags: number;
  wheelEvents: number;
  events: MouseEvent[];
}

/**
 * One round: pan at the current scale; then zoom in, pan there and zoom back out at the same point, as one segment
 * so the map never stays zoomed in for what the benchmark measures next.
 */
function roundSegments(box: Box, round: number): Segment[] {
  const reach = Math.min(box.width, box.height) * 0.3;
  const point = zoomPoints[round % zoomPoints.length]!;
  const angle = (round * Math.PI) / 3;
  const [dx, dy] = [Math.cos(angle) * reach, Math.sin(angle) * reach];
  const depth = ZOOM_DEPTHS[round % ZOOM_DEPTHS.length]!;
  const zoomIn = wheelEvents(box, point, -1, depth);
  const zoomOut = wheelEvents(box, point, 1, depth);
  return [
    { drags: 1, wheelEvents: 0, events: dragEvents(box, dx, dy) },
    { drags: 1, wheelEvents: zoomIn.length + zoomOut.length, events: [...zoomIn, ...dragEvents(box, -dx, -dy), ...zoomOut] },
  ];
}

/** Pans and zooms without pause for about `durationMs` (the gesture under way is finished). */
export async function panAndZoom(page: Page, box: Box, durationMs: number): Promise<GestureCounts> {
  const cdp = await page.context().newCDPSession(page);
  const counts: GestureCounts = { drags: 0, wheelEvents: 0, events: 0 };
  const started = Date.now();
  try {
    for (let round = 0; Date.now() - started < durationMs; round++) {
      for (const segment of roundSegments(box, round)) {
        if (Date.now() - started >= durationMs) break;
        await paced(cdp, segment.events);
        counts.drags += segment.drags;
        counts.wheelEvents += segment.wheelEvents;
        counts.events += segment.events.length;
      }
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return counts;
}
