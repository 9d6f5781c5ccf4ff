import { useSyncExternalStore } from "react";

// How many shell dialogs are open in this tab; the details drawer leaves Escape to them meanwhile.
let openCount = 0;
const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts one shell dialog as open until the returned function is called. */
export function markShellOpen(): () => void {
  openCount++;
  notify();
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    openCount--;
    notify();
  };
}

/** Whether a shell dialog is open: Mantine's drawer would otherwise close on the same Escape as the dialog above it. */
export function useShellOpen(): boolean {
  return useSyncExternalStore(subscribe, () => openCount > 0, () => false);
}
