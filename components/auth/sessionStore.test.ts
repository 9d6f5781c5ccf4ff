// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

const session = { user: { name: "alice", groups: ["orrery:admins"] }, expires: "2030-01-01T01:00:00.000Z" };
let answers: { status: number; body: unknown }[];
let fetched: string[];

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ["Date"] });
  fetched = [];
  answers = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string) => {
    fetched.push(url);
    const answer = answers.shift() ?? { status: 200, body: session };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function load() {
  const store = await import("./sessionStore");
  const stop = store.subscribeSession(() => undefined);
  await vi.waitFor(() => expect(store.sessionSnapshot()).not.toBeUndefined());
  return { store, stop };
}

function press(): void {
  window.dispatchEvent(new Event("pointerdown"));
}

describe("session keep-alive", () => {
  test("checks the session once on start, then only on use and at most once a minute", async () => {
    const { store, stop } = await load();
    expect(store.sessionSnapshot()).toEqual(session);
    expect(fetched).toEqual(["/api/auth/session"]);
    press();
    expect(fetched).toHaveLength(1);
    vi.setSystemTime(Date.now() + 61_000);
    await vi.waitFor(() => expect(fetched).toHaveLength(1));
    press();
    await vi.waitFor(() => expect(fetched).toHaveLength(2));
    stop();
  });

  test("checks early when the tokens are due for renewal", async () => {
    const renewBy = new Date(Date.now() + 5_000).toISOString();
    answers.push({ status: 200, body: { ...session, renewBy } });
    const { stop } = await load();
    vi.setSystemTime(Date.now() + 6_000);
    press();
    await vi.waitFor(() => expect(fetched).toHaveLength(2));
    stop();
  });

  test("goes to the login page, returning here, when the session has ended", async () => {
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    window.history.replaceState(null, "", "/pods?ns=shop");
    const { store, stop } = await load();
    answers.push({ status: 200, body: {} });
    vi.setSystemTime(Date.now() + 61_000);
    press();
    await vi.waitFor(() => expect(store.sessionSnapshot()).toBeNull());
    expect(assign).toHaveBeenCalledWith(`/login?callbackUrl=${encodeURIComponent("/pods?ns=shop")}`);
    stop();
  });

  test("with login off (404) it stays quiet and never redirects", async () => {
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    answers.push({ status: 404, body: { message: "login is off" } });
    const store = await import("./sessionStore");
    const stop = store.subscribeSession(() => undefined);
    await vi.waitFor(() => expect(fetched).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.sessionSnapshot()).toBeUndefined();
    expect(assign).not.toHaveBeenCalled();
    stop();
  });
});
