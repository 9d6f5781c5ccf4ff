import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { LiveRegistry } from "./liveRegistry";
import type { StreamClient, SubscriptionHandler } from "./streamClient";

function fakeClient() {
  const active = new Map<number, { kind: string; namespace?: string; handler: SubscriptionHandler }>();
  let next = 0;
  const client = {
    subscribe(kind: string, namespace: string | undefined, handler: SubscriptionHandler) {
      const id = next++;
      active.set(id, { kind, namespace, handler });
      return () => active.delete(id);
    },
  } as unknown as StreamClient;
  return { client, active };
}

describe("LiveRegistry", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("shares one subscription per kind and namespace", () => {
    const { client, active } = fakeClient();
    const registry = new LiveRegistry(client, 1000, (publish) => publish());
    registry.acquire("pods", "shop");
    registry.acquire("pods", "shop");
    registry.acquire("pods", undefined);
    expect(active.size).toBe(2);
    expect(registry.peek("pods", "shop")).toBe(registry.peek("pods", "shop"));
  });

  test("feeds the collection from the subscription", () => {
    const { client, active } = fakeClient();
    const registry = new LiveRegistry(client, 1000, (publish) => publish());
    registry.acquire("nodes", undefined);
    [...active.values()][0]!.handler.onSnapshot([{ metadata: { name: "n1", uid: "1" } }]);
    expect(registry.peek("nodes", undefined).getSnapshot()).toMatchObject({ loaded: true, items: [{ metadata: { name: "n1" } }] });
  });

  test("unsubscribes only after the last user left and the linger passed", () => {
    const { client, active } = fakeClient();
    const registry = new LiveRegistry(client, 1000);
    const releaseA = registry.acquire("pods", "shop");
    const releaseB = registry.acquire("pods", "shop");
    releaseA();
    releaseA();
    vi.advanceTimersByTime(5000);
    expect(active.size).toBe(1);
    releaseB();
    vi.advanceTimersByTime(999);
    expect(active.size).toBe(1);
    const again = registry.acquire("pods", "shop");
    vi.advanceTimersByTime(5000);
    expect(active.size).toBe(1);
    again();
    vi.advanceTimersByTime(1000);
    expect(active.size).toBe(0);
  });
});
