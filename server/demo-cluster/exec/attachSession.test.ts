import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hashString } from "../logs/rng";
import { makePod, runningStatus, terminated } from "../logs/testing/podFixtures";
import { startTestServer, type TestServer } from "../logs/testing/testServer";
import { ObjectStore } from "../store";
import { registerExecRoutes } from "./execRoutes";
import { execUrl, openStream } from "./testing/streamClient";

const store = new ObjectStore();
let server: TestServer;

/** A running pod whose container logs every half second or so (the rate is keyed by uid and name). */
function addFastPod(name: string, startedMs: number): string {
  const uid = store.create("pods", makePod({ name, containers: [], statuses: [] })).metadata.uid!;
  let container = "app";
  for (let i = 0; hashString(`${uid}/${container}`) % 4501 >= 300; i++) container = `app-${i}`;
  store.mutate("pods", "default", name, (pod) => {
    pod.spec = { ...(pod.spec as object), containers: [{ name: container, image: "nginx:1.27" }] };
    pod.status = { ...(pod.status as object), containerStatuses: [runningStatus(container, startedMs)] };
  });
  return container;
}

beforeAll(async () => {
  server = await startTestServer((routes) => registerExecRoutes(routes, { store }));
});
afterAll(() => server.close());

describe("pods/attach", () => {
  test("streams the container's new output, echoes stdin, and ends with the container's exit code", async () => {
    const started = Date.now() - 120_000;
    const container = addFastPod("attached", started);
    const client = await openStream(execUrl(server.url, "attached", { container, stdin: "true", stdout: "true", stderr: "true" }, "attach"), ["v5.channel.k8s.io"]);
    await client.waitFor('HTTP/1.1"', 4_000);
    client.stdin("typed by a person\n");
    await client.waitFor("typed by a person\n");
    store.mutate("pods", "default", "attached", (pod) => {
      (pod.status as { containerStatuses: unknown[] }).containerStatuses = [{ name: container, state: terminated("Error", 2, started, Date.now()), restartCount: 0 }];
    });
    const result = await client.done;
    expect(result.stdout).toContain("[emerg]");
    expect(result.status).toMatchObject({ reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "2" }] } });
    expect(result.stdout).not.toContain("/docker-entrypoint.sh");
  });

  test("ends with NotFound when the pod is deleted", async () => {
    const container = addFastPod("doomed", Date.now() - 5_000);
    const client = await openStream(execUrl(server.url, "doomed", { container, stdout: "true" }, "attach"), ["v4.channel.k8s.io"]);
    store.delete("pods", "default", "doomed");
    expect((await client.done).status).toMatchObject({ status: "Failure", reason: "NotFound", message: 'pod "doomed" was deleted' });
  });
});
