"use client";
import { useSyncExternalStore } from "react";

// One ticking clock for every age on the page, instead of a timer per cell.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, updated every second while anything shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}
