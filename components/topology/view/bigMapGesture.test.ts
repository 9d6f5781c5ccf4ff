import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { BigMapGesture, RELEASE_DELAY_MS } from "./bigMapGesture";
import { GESTURE_TRANSFORM_MIN_NODES } from "./gestureTransform";

const canvas = () => ({ style: { transform: "", transformOrigin: "" } }) as unknown as HTMLCanvasElement;
const painted = { x: 0, y: 0, k: 1 };

describe("BigMapGesture", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("small maps and maps not yet painted are redrawn as usual", () => {
    const gesture = new BigMapGesture(canvas());
    expect(gesture.begin(GESTURE_TRANSFORM_MIN_NODES - 1, painted)).toBe(false);
    expect(gesture.begin(GESTURE_TRANSFORM_MIN_NODES, undefined)).toBe(false);
    expect(gesture.end()).toBe(false);
  });

  test("moves the last picture, holds updates, and releases them a moment after the end", () => {
    const held: boolean[] = [];
    const layer = canvas();
    const gesture = new BigMapGesture(layer, (value) => held.push(value));
    expect(gesture.begin(GESTURE_TRANSFORM_MIN_NODES, painted)).toBe(true);
    expect(gesture.placeStaticLayer(painted, { x: 10, y: 0, k: 1 })).toBe(true);
    expect(layer.style.transform).toBe("matrix(1, 0, 0, 1, 10, 0)");
    expect(held).toEqual([true]);
    expect(gesture.end()).toBe(true);
    expect(gesture.placeStaticLayer(painted, { x: 10, y: 0, k: 1 })).toBe(false);
    expect(layer.style.transform).toBe("");
    vi.advanceTimersByTime(RELEASE_DELAY_MS - 1);
    expect(held).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(held).toEqual([true, false]);
  });

  test("a gesture right after another keeps the updates held without telling twice", () => {
    const held: boolean[] = [];
    const gesture = new BigMapGesture(canvas(), (value) => held.push(value));
    gesture.begin(GESTURE_TRANSFORM_MIN_NODES, painted);
    gesture.end();
    vi.advanceTimersByTime(RELEASE_DELAY_MS / 2);
    gesture.begin(GESTURE_TRANSFORM_MIN_NODES, painted);
    vi.advanceTimersByTime(RELEASE_DELAY_MS * 2);
    expect(held).toEqual([true]);
    gesture.end();
    vi.advanceTimersByTime(RELEASE_DELAY_MS);
    expect(held).toEqual([true, false]);
  });

  test("the interaction layer is cleared once per gesture", () => {
    const gesture = new BigMapGesture(canvas());
    const clear = vi.fn();
    expect(gesture.holdInteractionLayer(clear)).toBe(false);
    gesture.begin(GESTURE_TRANSFORM_MIN_NODES, painted);
    expect(gesture.holdInteractionLayer(clear)).toBe(true);
    expect(gesture.holdInteractionLayer(clear)).toBe(true);
    expect(clear).toHaveBeenCalledTimes(1);
  });
});
