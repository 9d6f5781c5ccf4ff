"use client";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** False in the server-rendered HTML and until React has attached; true afterwards. Controls whose work is done in JS stay disabled until then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}
