import { afterEach, describe, expect, test } from "vitest";
import { memoryDocument, type StateDocument, type StateStore } from "../state/stateStore";
import { RevocationList } from "./revocationList";
import { onSessionEnded, SessionRegistry } from "./sessions";
import { TestClock } from "./testing/fixtures";

const unsubscribers: (() => void)[] = [];
afterEach(() => unsubscribers.splice(0).forEach((off) => off()));

function listen(): string[] {
  const ended: string[] = [];
  unsubscribers.push(onSessionEnded((sid) => ended.push(sid)));
  return ended;
}

// One document two lists share, as two replicas share the state Secret.
function sharedStore(): StateStore {
  const documents = new Map<string, StateDocument<unknown>>();
  return {
    description: "shared in memory",
    document: <T>(kind: Parameters<StateStore["document"]>[0]) => {
      if (!documents.has(kind.name)) documents.set(kind.name, memoryDocument(kind));
      return documents.get(kind.name) as StateDocument<T>;
    },
    close: async () => undefined,
  };
}

describe("SessionRegistry", () => {
  test("a session revoked on another replica ends here too, so its sockets close", () => {
    const clock = new TestClock();
    const store = sharedStore();
    const here = new SessionRegistry(new RevocationList(store, clock.now), clock.now);
    const elsewhere = new RevocationList(store, clock.now);
    here.noteActive("sid-elsewhere", clock.time + 60_000, clock.time + 600_000);
    const ended = listen();
    elsewhere.revoke("sid-elsewhere", clock.time + 600_000);
    expect(ended).toEqual(["sid-elsewhere"]);
    expect(here.isRevoked("sid-elsewhere")).toBe(true);
    here.sweep();
    expect(ended).toEqual(["sid-elsewhere"]);
  });

  test("logout revokes the session and tells listeners once", () => {
    const clock = new TestClock();
    const registry = new SessionRegistry(new RevocationList(undefined, clock.now), clock.now);
    const ended = listen();
    registry.end("sid-1", "logout", clock.time + 60_000);
    registry.end("sid-1", "logout", clock.time + 60_000);
    expect(ended).toEqual(["sid-1"]);
    expect(registry.isRevoked("sid-1")).toBe(true);
  });

  test("an idle session is noticed by the sweep, without being revoked", () => {
    const clock = new TestClock();
    const registry = new SessionRegistry(new RevocationList(undefined, clock.now), clock.now);
    const ended = listen();
    registry.noteActive("sid-2", clock.time + 1_000, clock.time + 10_000);
    clock.advance(999);
    registry.sweep();
    expect(ended).toEqual([]);
    clock.advance(1);
    registry.sweep();
    expect(ended).toEqual(["sid-2"]);
    expect(registry.isRevoked("sid-2")).toBe(false);
  });

  test("renewal seen before the deadline keeps the session, up to its absolute end", () => {
    const clock = new TestClock();
    const registry = new SessionRegistry(new RevocationList(undefined, clock.now), clock.now);
    const ended = listen();
    const absolute = clock.time + 5_000;
    registry.noteActive("sid-3", clock.time + 1_000, absolute);
    clock.advance(900);
    registry.noteActive("sid-3", clock.time + 10_000, absolute);
    clock.advance(4_099);
    registry.sweep();
    expect(ended).toEqual([]);
    clock.advance(1);
    registry.sweep();
    expect(ended).toEqual(["sid-3"]);
  });

  test("a listener that throws does not stop the others", () => {
    const clock = new TestClock();
    const registry = new SessionRegistry(new RevocationList(undefined, clock.now), clock.now);
    unsubscribers.push(onSessionEnded(() => {
      throw new Error("boom");
    }));
    const ended = listen();
    registry.end("sid-4", "revoked", clock.time + 1);
    expect(ended).toEqual(["sid-4"]);
  });

  test("unsubscribing stops the calls", () => {
    const clock = new TestClock();
    const registry = new SessionRegistry(new RevocationList(undefined, clock.now), clock.now);
    const ended: string[] = [];
    const off = onSessionEnded((sid) => ended.push(sid));
    off();
    registry.end("sid-5", "logout", clock.time + 1);
    expect(ended).toEqual([]);
  });
});
