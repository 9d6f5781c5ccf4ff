"use client";
import { useSyncExternalStore } from "react";
import { sessionSnapshot, subscribeSession, type SessionState } from "./sessionStore";

/** The signed-in session (name, groups, expiry), renewed while the person uses the page. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, sessionSnapshot, () => undefined);
}
