import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { ObjectStore } from "../store";
import { registerPodLogRoutes } from "./podLogRoutes";
import { hashString } from "./rng";
import { iso, makePod, runningStatus, terminated } from "./testing/podFixtures";
import { startTestServer, type TestServer } from "./testing/testServer";

const store = new ObjectStore();
let server: TestServer;
const now = Date.now();

function addPod(name: string, statuses = [runningStatus("app", now - 3_600_000)], image = "nginx:1.27"): void {
  store.create("pods", makePod({ name, containers: [{ name: "app", image }], statuses }));
}

/**
 * A pod whose container logs about every half second, so follow tests stay short: the rate is
 * keyed by (pod uid, container name) and the store picks the uid, so the container name is chosen.
 */
function addFastPod(name: string, startedMs: number, image = "example/orders-go:1"): string {
  const uid = store.create("pods", makePod({ name, containers: [], statuses: [] })).metadata.uid!;
  let container = "app";
  for (let i = 0; hashString(`${uid}/${container}`) % 4501 >= 300; i++) container = `app-${i}`;
  store.mutate("pods", "default", name, (pod) => {
    pod.spec = { ...(pod.spec as object), containers: [{ name: container, image }] };
    pod.status = { ...(pod.status as object), containerStatuses: [runningStatus(container, startedMs)] };
  });
  return container;
}

const logUrl = (pod: string, query = "") => `${server.url}/api/v1/namespaces/default/pods/${pod}/log${query ? `?${query}` : ""}`;

async function readLines(reader: ReadableStreamDefaultReader<Uint8Array>, count: number, timeoutMs: number): Promise<string[]> {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (text.split("\n").length - 1 < count && Date.now() < deadline) {
    const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), deadline - Date.now()))]);
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text.split("\n").filter((l, i, all) => i < all.length - 1 || l !== "");
}

beforeAll(async () => {
  server = await startTestServer((routes) => registerPodLogRoutes(routes, { store }));
  addPod("web");
  addPod("crashy", [{ name: "app", state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: terminated("Error", 1, now - 120_000, now - 60_000), restartCount: 3 }], "example/orders-go:1");
  addPod("pending", [{ name: "app", state: { waiting: { reason: "ContainerCreating" } }, restartCount: 0 }]);
  store.create("pods", makePod({ name: "duo", containers: [{ name: "a" }, { name: "b" }], statuses: [runningStatus("a", now), runningStatus("b", now)] }));
});
afterAll(() => server.close());

describe("GET pods/log", () => {
  test("answers text/plain with the last lines for tailLines", async () => {
    const res = await fetch(logUrl("web", "tailLines=5"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain");
    const lines = (await res.text()).split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("");
    expect(lines[0]).toMatch(/HTTP\/1\.1"|\[(notice|error|warn)\]/);
  });

  test("is stable: the same past is told the same way every time", async () => {
    const query = `sinceTime=${iso(now - 600_000)}&limitBytes=4000`;
    const first = await (await fetch(logUrl("web", query))).text();
    await new Promise((r) => setTimeout(r, 50));
    expect(await (await fetch(logUrl("web", query))).text()).toBe(first);
  });

  test("prefixes RFC3339Nano timestamps and honours sinceSeconds", async () => {
    const text = await (await fetch(logUrl("web", "timestamps=true&sinceSeconds=30"))).text();
    const lines = text.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) {
      const stamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z) /.exec(line);
      expect(stamp).not.toBeNull();
      expect(Date.parse(stamp![1]!)).toBeGreaterThanOrEqual(Date.now() - 32_000);
    }
  });

  test("stops at limitBytes", async () => {
    const body = Buffer.from(await (await fetch(logUrl("web", "limitBytes=100"))).arrayBuffer());
    expect(body.length).toBe(100);
  });

  test("shows a crash-looping container's last run, ending in its panic", async () => {
    const text = await (await fetch(logUrl("crashy"))).text();
    expect(text).toContain("panic: runtime error");
    const previous = await (await fetch(logUrl("crashy", "previous=true&tailLines=3"))).text();
    expect(previous.trimEnd().split("\n")).toHaveLength(3);
    expect(text.endsWith(previous)).toBe(true);
  });

  test("answers Kubernetes' errors as Status objects", async () => {
    const cases: [string, number, string][] = [
      [logUrl("nope"), 404, 'pods "nope" not found'],
      [logUrl("duo"), 400, "a container name must be specified for pod duo, choose one of: [a b]"],
      [logUrl("duo", "container=c"), 400, "container c is not valid for pod duo"],
      [logUrl("pending"), 400, 'container "app" in pod "pending" is waiting to start: ContainerCreating'],
      [logUrl("web", "previous=true"), 400, 'previous terminated container "app" in pod "web" not found'],
      [logUrl("web", "tailLines=-2"), 422, 'PodLogOptions "web" is invalid: tailLines: Invalid value: -2: must be greater than or equal to 0'],
    ];
    for (const [url, code, message] of cases) {
      const res = await fetch(url);
      expect(res.status).toBe(code);
      expect(await res.json()).toMatchObject({ kind: "Status", status: "Failure", code, message });
    }
  });
});

describe("GET pods/log?follow=true", () => {
  test("streams new lines as they are written, then the run's end when the container stops", async () => {
    const name = "follow";
    const started = Date.now() - 10_000;
    const container = addFastPod(name, started);
    const res = await fetch(logUrl(name, "follow=true&tailLines=1"));
    const reader = res.body!.getReader();
    const lines = await readLines(reader, 4, 6_000);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    store.mutate("pods", "default", name, (pod) => {
      (pod.status as { containerStatuses: unknown[] }).containerStatuses = [{ name: container, state: terminated("Error", 2, started, Date.now()), restartCount: 0 }];
    });
    const rest = await readLines(reader, 1_000, 3_000);
    expect(rest.join("\n")).toContain("panic: runtime error");
    expect((await reader.read()).done).toBe(true);
  });

  test("ends when the pod is deleted", async () => {
    const name = "deleted";
    addFastPod(name, Date.now() - 5_000);
    const res = await fetch(logUrl(name, "follow=true&tailLines=0"));
    const reader = res.body!.getReader();
    store.delete("pods", "default", name);
    const rest = await readLines(reader, 1_000, 3_000);
    expect(rest.length).toBeLessThan(5);
    expect((await reader.read()).done).toBe(true);
  });

  test("lets go of its timer and watch when the client goes away", async () => {
    const name = "gone";
    addFastPod(name, Date.now() - 5_000);
    const unsubscribed = vi.fn();
    const watch = vi.spyOn(store, "watch").mockImplementation((resource, since, listener) => {
      const stop = ObjectStore.prototype.watch.call(store, resource, since, listener);
      return () => { unsubscribed(); return stop(); };
    });
    const abort = new AbortController();
    const res = await fetch(logUrl(name, "follow=true"), { signal: abort.signal });
    await readLines(res.body!.getReader(), 1, 2_000);
    abort.abort();
    await vi.waitFor(() => expect(unsubscribed).toHaveBeenCalledTimes(1), { timeout: 3_000 });
    watch.mockRestore();
  });

  test("follow on a finished run returns its log and ends at once", async () => {
    const res = await fetch(logUrl("crashy", "follow=true&tailLines=2"));
    expect((await res.text()).trimEnd().split("\n")).toHaveLength(2);
  });
});

test("sinceTime uses the RFC3339 time it is given", async () => {
  const since = iso(Date.now() - 20_000);
  const text = await (await fetch(logUrl("web", `sinceTime=${since}&timestamps=true`))).text();
  const first = text.split(" ")[0]!;
  expect(Date.parse(first)).toBeGreaterThanOrEqual(Date.parse(since));
});
