import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makePod, runningStatus } from "../logs/testing/podFixtures";
import { startTestServer, type TestServer } from "../logs/testing/testServer";
import { ObjectStore } from "../store";
import { Channel } from "./channels";
import { registerExecRoutes } from "./execRoutes";
import { execUrl, type HttpRefusal, openStream } from "./testing/streamClient";

const store = new ObjectStore();
let server: TestServer;
const v5 = ["v5.channel.k8s.io", "v4.channel.k8s.io"];
const v4 = ["v4.channel.k8s.io"];

beforeAll(async () => {
  server = await startTestServer((routes) => registerExecRoutes(routes, { store }));
  store.create("pods", makePod({ name: "web", containers: [{ name: "app", image: "nginx:1.27" }], statuses: [runningStatus("app", Date.now() - 60_000)] }));
  store.create("pods", makePod({ name: "starting", containers: [{ name: "app" }], statuses: [{ name: "app", state: { waiting: { reason: "ContainerCreating" } } }] }));
});
afterAll(() => server.close());

const exec = (command: string[], extra: Record<string, string> = {}) => execUrl(server.url, "web", { command, stdout: "true", stderr: "true", ...extra });

describe("pods/exec over websockets", () => {
  test("v5: runs the command, reports Success on channel 3 and closes normally", async () => {
    const client = await openStream(exec(["ls", "/"]), v5);
    expect(client.protocol).toBe("v5.channel.k8s.io");
    const result = await client.done;
    expect(result.frames[0]).toEqual(Buffer.from([Channel.StdOut]));
    expect(result.stdout.split("\n")).toEqual(expect.arrayContaining(["etc", "proc", "usr"]));
    expect(result.status).toEqual({ metadata: {}, status: "Success" });
    expect(result.closeCode).toBe(1000);
  });

  test("v4: a non-zero exit is a NonZeroExitCode Status with the code as cause", async () => {
    const client = await openStream(exec(["sh", "-c", "echo oops >&2; exit 3"]), v4);
    expect(client.protocol).toBe("v4.channel.k8s.io");
    const result = await client.done;
    expect(result.stderr).toBe("oops\n");
    expect(result.status).toMatchObject({ status: "Failure", reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } });
  });

  test("v5: stdin flows in and the close signal ends it", async () => {
    const client = await openStream(exec(["cat"], { stdin: "true" }), v5);
    client.stdin("hello ");
    client.stdin("world\n");
    await client.waitFor("world");
    client.closeStdin();
    const result = await client.done;
    expect(result.stdout).toBe("hello world\n");
    expect(result.status).toMatchObject({ status: "Success" });
  });

  test("megabytes of stdin pass through without loss, in bounded frames", async () => {
    const client = await openStream(exec(["cat"], { stdin: "true" }), v5);
    const chunk = "0123456789abcdef".repeat(16 * 1024);
    for (let i = 0; i < 12; i++) client.stdin(chunk);
    client.closeStdin();
    const result = await client.done;
    expect(result.stdout.length).toBe(12 * chunk.length);
    expect(result.stdout.endsWith("abcdef")).toBe(true);
    expect(Math.max(...result.frames.map((f) => f.length))).toBeLessThanOrEqual(32 * 1024 + 1);
  });

  test("tty: an interactive shell with resize, echo and exit", async () => {
    const client = await openStream(exec(["sh"], { stdin: "true", tty: "true", stderr: "false" }), v5);
    client.resize(120, 40);
    await client.waitFor("# ");
    client.stdin("echo hi\r");
    await client.waitFor("hi\r\n# ");
    client.stdin("exit 5\r");
    const result = await client.done;
    expect(result.stdout).toBe("# echo hi\r\nhi\r\n# exit 5\r\n");
    expect(result.status).toMatchObject({ reason: "NonZeroExitCode", details: { causes: [{ message: "5" }] } });
  });

  test("an idle session is logged out", async () => {
    const strict = await startTestServer((routes) => registerExecRoutes(routes, { store, limits: { idleMs: 300 } }));
    const client = await openStream(execUrl(strict.url, "web", { command: "sh", stdin: "true", stdout: "true", tty: "true" }), v5);
    client.stdin("echo still here\r");
    await client.waitFor("still here\r\n");
    const result = await client.done;
    expect(result.stdout).toContain("timed out waiting for input: auto-logout");
    await strict.close();
  });

  test("a session that prints more than its output budget is ended with a Status", async () => {
    const strict = await startTestServer((routes) => registerExecRoutes(routes, { store, limits: { maxOutputChars: 10_000 } }));
    const client = await openStream(execUrl(strict.url, "web", { command: "cat", stdin: "true", stdout: "true" }), v5);
    for (let i = 0; i < 20; i++) client.stdin("x".repeat(1_000));
    const result = await client.done;
    expect(result.stdout.length).toBeLessThanOrEqual(11_000);
    expect(result.status).toMatchObject({ status: "Failure", message: expect.stringContaining("output limit") });
    await strict.close();
  });

  test("a client frame over the size limit closes the connection", async () => {
    const client = await openStream(exec(["cat"], { stdin: "true" }), v5);
    client.stdin("z".repeat(1024 * 1024 + 10));
    expect((await client.done).closeCode).toBe(1009);
  });

  test("refuses with a Status over HTTP before upgrading", async () => {
    const refusal = (url: string, protocols = v5) => openStream(url, protocols).then(() => undefined, (error: HttpRefusal) => error);
    expect(await refusal(execUrl(server.url, "nope", { command: "ls", stdout: "true" }))).toMatchObject({ statusCode: 404, body: { kind: "Status", code: 404, message: 'pods "nope" not found' } });
    expect(await refusal(exec(["ls"], { container: "db" }))).toMatchObject({ statusCode: 400, body: { message: "container db is not valid for pod web" } });
    expect(await refusal(execUrl(server.url, "starting", { command: "ls", stdout: "true" }))).toMatchObject({ statusCode: 400, body: { message: 'container not found ("app")' } });
    expect(await refusal(execUrl(server.url, "web", { stdout: "true" }))).toMatchObject({ statusCode: 400, body: { message: "you must specify at least 1 command" } });
    expect(await refusal(exec(["ls"]), ["base64.channel.k8s.io"])).toMatchObject({ statusCode: 403, body: { reason: "Forbidden" } });
  });

  test("accepts an upgrade sent as POST, and explains that SPDY is not spoken", async () => {
    const upgrade = (method: string, protocol: string) => new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve) => {
      const headers = protocol === "websocket"
        ? { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Protocol": "v4.channel.k8s.io" }
        : { Connection: "Upgrade", Upgrade: "SPDY/3.1", "X-Stream-Protocol-Version": "v4.channel.k8s.io" };
      const req = request(`${server.url}/api/v1/namespaces/default/pods/web/exec?command=true&stdout=true`, { method, headers });
      req.on("upgrade", (res, socket) => {
        socket.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: "" });
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.end();
    });
    expect(await upgrade("POST", "websocket")).toMatchObject({ status: 101, headers: { "sec-websocket-protocol": "v4.channel.k8s.io" } });
    const spdy = await upgrade("POST", "spdy");
    expect(spdy.status).toBe(400);
    expect(JSON.parse(spdy.body)).toMatchObject({ kind: "Status", message: expect.stringContaining("websockets only") });
  });
});
