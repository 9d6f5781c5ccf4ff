import type { SessionView } from "@/lib/auth/session";
import { fetchSession, loginUrl } from "./authClient";

/** undefined while the first check runs, null when signed out (or login is off). */
export type SessionState = SessionView | null | undefined;

const minCheckIntervalMs = 60_000;
const activityEvents = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

let state: SessionState = undefined;
let lastCheck = 0;
let checking: Promise<void> | undefined;
const subscribers = new Set<() => void>();

function publish(next: SessionState): void {
  const wasSignedIn = !!state;
  state = next;
  for (const subscriber of subscribers) subscriber();
  // The session ended under an open page (timeout, logout elsewhere): back to the login page.
  if (wasSignedIn && next === null) window.location.assign(loginUrl(`${window.location.pathname}${window.location.search}`));
}

/** Checks (and so renews) the session now, one request at a time. */
export function checkSession(): Promise<void> {
  checking ??= fetchSession()
    .then(publish, () => undefined)
    .finally(() => {
      lastCheck = Date.now();
      checking = undefined;
    });
  return checking;
}

// Only use renews the session: an abandoned tab lets it run out after the idle timeout.
function onActivity(): void {
  const renewBy = state?.renewBy ? Date.parse(state.renewBy) : Number.POSITIVE_INFINITY;
  const due = Date.now() - lastCheck >= minCheckIntervalMs || Date.now() >= renewBy;
  if (due && document.visibilityState === "visible") void checkSession();
}

function start(): () => void {
  for (const event of activityEvents) window.addEventListener(event, onActivity, { passive: true, capture: true });
  document.addEventListener("visibilitychange", onActivity);
  void checkSession();
  return () => {
    for (const event of activityEvents) window.removeEventListener(event, onActivity, { capture: true });
    document.removeEventListener("visibilitychange", onActivity);
  };
}

let stop: (() => void) | undefined;

/** For useSyncExternalStore: the first subscriber starts the checks, the last one stops them. */
export function subscribeSession(subscriber: () => void): () => void {
  subscribers.add(subscriber);
  stop ??= start();
  return () => {
    subscribers.delete(subscriber);
    if (subscribers.size === 0) {
      stop?.();
      stop = undefined;
    }
  };
}

export function sessionSnapshot(): SessionState {
  return state;
}
