import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { ExecCloseCode } from "@/lib/wire/exec";
import { audit, type AuditRecord } from "@/server/audit/audit";
import type { Person } from "@/server/auth/person";
import { registerExecRoutes } from "@/server/demo-cluster/exec/execRoutes";
import { makePod, runningStatus, terminated } from "@/server/demo-cluster/logs/testing/podFixtures";
import { seedRbac } from "@/server/demo-cluster/simulation/seed/rbac";
import { startTestServer, type TestServer } from "@/server/demo-cluster/http/testing/testServer";
import { OriginPolicy } from "@/server/http/originPolicy";
import { SocketSessions } from "@/server/http/socketSessions";
import { createUpgradeGuard } from "@/server/http/upgradeGuard";
import { connectToTestServer } from "@/server/kube/testing/fakeConnection";
import { createExecServer, type ExecServer, type ExecServerDeps } from "./execServer";
import { openExecClient, type ExecClient, type UpgradeRefusal } from "./testing/execClient";

// The demo apiserver with its RBAC (dev may edit in shop only; orrery:admins are cluster admins) and its exec routes.
const people: Record<string, Person> = {
  ops: { name: "ops", groups: ["orrery:admins"], via: "session", sessionId: "session-ops-1", readOnly: false },
  dev: { name: "dev", groups: [], via: "session", sessionId: "session-dev-1", readOnly: false },
  viewer: { name: "viewer", groups: ["orrery:admins"], via: "embed", readOnly: true },
};
const auditDir = mkdtempSync(path.join(os.tmpdir(), "orrery-exec-audit-"));
let cluster: TestServer;
let orrery: Server;
let base = "";
const sessions = new SocketSessions();
const servers: ExecServer[] = [];

function serveExec(overrides: Partial<ExecServerDeps> = {}): ExecServer {
  const guard = createUpgradeGuard({
    authenticate: async (req: IncomingMessage) => people[String(req.headers["x-test-person"])] ?? null,
    originPolicy: () => new OriginPolicy({ listenHost: "127.0.0.1", port: (orrery.address() as AddressInfo).port, allowedOrigins: [] }),
    sessions,
  });
  const exec = createExecServer({ connection: connectToTestServer(cluster.client.baseUrl), authorize: guard.authorize, isReadOnly: (p) => p.readOnly, audit: (entry) => audit(entry, auditDir), identityMode: "impersonate", ...overrides });
  servers.push(exec);
  orrery.removeAllListeners("upgrade");
  orrery.on("upgrade", guard.protect((req, socket, head) => exec.handleUpgrade(req, socket, head)));
  return exec;
}

function open(who: string, query: Record<string, string | string[]>, origin = base): Promise<ExecClient> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v);
  return openExecClient(`${base.replace("http", "ws")}/api/exec?${params}`, { origin, "x-test-person": who });
}

const auditLines = (): AuditRecord[] => readFileSync(path.join(auditDir, "audit.log"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as AuditRecord);

beforeAll(async () => {
  cluster = await startTestServer();
  seedRbac(cluster.store, Date.now());
  registerExecRoutes(cluster.server.routes, { store: cluster.store });
  cluster.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } });
  const started = Date.now() - 60_000;
  cluster.store.create("pods", makePod({ name: "web", namespace: "shop", containers: [{ name: "app", image: "nginx:1.27" }], statuses: [runningStatus("app", started)] }));
  cluster.store.create("pods", makePod({ name: "tiny", namespace: "shop", containers: [{ name: "app", image: "alpine:3.20" }], statuses: [runningStatus("app", started)] }));
  cluster.store.create("pods", makePod({ name: "crashing", namespace: "shop", containers: [{ name: "server", image: "alpine:3.20" }], statuses: [{ name: "server", restartCount: 4, state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s" } }, lastState: terminated("Error", 1, started, started + 5_000) }] }));
  cluster.store.create("pods", makePod({ name: "web", namespace: "default", containers: [{ name: "app", image: "nginx:1.27" }], statuses: [runningStatus("app", started)] }));
  orrery = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => orrery.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(orrery.address() as AddressInfo).port}`;
  serveExec();
});

afterAll(async () => {
  for (const server of servers) await server.close();
  orrery.closeAllConnections();
  await new Promise((resolve) => orrery.close(resolve));
  await cluster.close();
});

describe("/api/exec against the demo apiserver", () => {
  test("runs a command as the person: started, its output, exit 0, close 1000", async () => {
    const client = await open("ops", { namespace: "shop", pod: "web", command: ["echo", "hello"] });
    expect(await client.closed).toEqual({ code: 1000, reason: "exited with 0" });
    expect(client.output()).toBe("hello\r\n");
    expect(client.messages).toEqual([{ type: "started", container: "app", command: ["echo", "hello"] }, { type: "exit", code: 0 }]);
  });

  test("a command's non-zero exit code reaches the browser", async () => {
    const client = await open("ops", { namespace: "shop", pod: "web", container: "app", command: ["sh", "-c", "echo oops >&2; exit 3"] });
    expect((await client.closed).code).toBe(1000);
    expect(client.output()).toBe("oops\r\n");
    expect(client.messages.at(-1)).toEqual({ type: "exit", code: 3 });
  });

  test("an interactive shell is bash where the image has it, and follows resizes", async () => {
    const client = await open("ops", { namespace: "shop", pod: "web" });
    await client.waitForOutput("# ");
    expect(client.messages[0]).toEqual({ type: "started", container: "app", command: ["bash"] });
    client.resize(12, 10);
    client.type("ls /\r");
    await client.waitForOutput("usr");
    const listing = client.output().split("\r\n").slice(1, -1);
    expect(listing.length).toBeGreaterThan(5);
    expect(Math.max(...listing.map((line) => line.trimEnd().length))).toBeLessThanOrEqual(12);
    client.type("exit 4\r");
    expect((await client.closed).code).toBe(1000);
    expect(client.messages.at(-1)).toEqual({ type: "exit", code: 4 });
  });

  test("without bash in the image, the shell is sh and bash's failure is not shown", async () => {
    const client = await open("ops", { namespace: "shop", pod: "tiny" });
    client.type("echo $0\r");
    await client.waitForOutput("sh\r\n");
    expect(client.messages[0]).toEqual({ type: "started", container: "app", command: ["sh"] });
    expect(client.output()).not.toMatch(/executable file not found|bash/);
    client.type("exit\r");
    expect(await client.closed).toMatchObject({ code: 1000 });
  });

  test("an unknown pod closes with 4404 and the apiserver's message", async () => {
    const client = await open("ops", { namespace: "shop", pod: "nope", command: ["ls"] });
    expect((await client.closed).code).toBe(ExecCloseCode.NotFound);
    expect(client.messages).toEqual([{ type: "error", message: 'pods "nope" not found', status: 404 }]);
  });

  test("a crash-looping container is refused 4409 saying it is not running, not that it was not found", async () => {
    const client = await open("ops", { namespace: "shop", pod: "crashing" });
    expect((await client.closed).code).toBe(ExecCloseCode.NotRunning);
    expect(client.messages).toEqual([{ type: "error", status: 409, message: 'container "server" is not running (waiting: CrashLoopBackOff)' }]);
  });

  test("RBAC is the apiserver's: dev may exec in shop, and is refused 4403 elsewhere", async () => {
    const allowed = await open("dev", { namespace: "shop", pod: "web", command: ["id", "-un"] });
    expect((await allowed.closed).code).toBe(1000);
    const refused = await open("dev", { namespace: "default", pod: "web", command: ["id"] });
    expect((await refused.closed).code).toBe(ExecCloseCode.Forbidden);
    // The demo names the upgrade's verb (get) as apiservers before the websocket create check did.
    expect(refused.messages).toEqual([{ type: "error", status: 403, message: 'pods "web" is forbidden: User "dev" cannot get resource "pods/exec" in API group "" in the namespace "default"' }]);
  });

  test("a read-only login is refused 4403 without asking the cluster", async () => {
    const client = await open("viewer", { namespace: "shop", pod: "web", command: ["ls"] });
    expect((await client.closed).code).toBe(ExecCloseCode.Forbidden);
    expect(client.messages).toEqual([{ type: "error", message: "this login is read-only: it cannot open a shell", status: 403 }]);
  });

  test("a malformed query or message closes with 4400 and says what was wrong", async () => {
    const noPod = await open("ops", { namespace: "shop" });
    expect((await noPod.closed).code).toBe(ExecCloseCode.BadRequest);
    expect(noPod.messages[0]).toMatchObject({ type: "error", message: expect.stringMatching(/^invalid exec request: pod is missing/) });
    const shell = await open("ops", { namespace: "shop", pod: "web", command: "sh" });
    shell.ws.send(JSON.stringify({ type: "resize", cols: 0, rows: 24 }));
    expect((await shell.closed).code).toBe(ExecCloseCode.BadRequest);
  });

  test("the guard refuses a forged Origin or no login before any handshake", async () => {
    await expect(open("ops", { namespace: "shop", pod: "web" }, "https://evil.example")).rejects.toEqual({ statusCode: 403 } satisfies UpgradeRefusal);
    await expect(open("nobody", { namespace: "shop", pod: "web" })).rejects.toEqual({ statusCode: 401 } satisfies UpgradeRefusal);
  });

  test("a session that ends closes its shells with 4401", async () => {
    const client = await open("dev", { namespace: "shop", pod: "web", command: "sh" });
    await client.waitForOutput("# ");
    expect(sessions.endSession("session-dev-1")).toBe(1);
    expect((await client.closed).code).toBe(ExecCloseCode.SessionEnded);
    await vi.waitFor(() => expect(servers[0]!.sessionCount()).toBe(0));
  });

  test("the audit log names who exec'd what, when it started and how it ended", async () => {
    await vi.waitFor(() => expect(auditLines().some((line) => line.action === "exec.end" && line.person === "dev" && /closed/.test(line.detail ?? ""))).toBe(true));
    const lines = auditLines();
    expect(lines).toContainEqual(expect.objectContaining({ person: "ops", groups: ["orrery:admins"], action: "exec", target: { kind: "pods", namespace: "shop", name: "web" }, result: "success", detail: 'container app, command ["echo","hello"]' }));
    expect(lines).toContainEqual(expect.objectContaining({ person: "ops", action: "exec.end", result: "success", detail: 'container app, command ["sh","-c","echo oops >&2; exit 3"], exit code 3' }));
    expect(lines).toContainEqual(expect.objectContaining({ person: "ops", action: "exec.end", detail: 'container app, command ["sh"], exit code 0' }));
    expect(lines).toContainEqual(expect.objectContaining({ person: "dev", action: "exec", target: { kind: "pods", namespace: "default", name: "web" }, result: "denied" }));
    expect(lines).toContainEqual(expect.objectContaining({ person: "viewer", action: "exec", result: "denied", detail: 'container (default), command ["ls"]: read-only login' }));
  });

  test("a person's shells over the cap are refused with 4429 and say why; a shell that ends frees its place", async () => {
    serveExec({ sockets: { perPerson: 1 } });
    const first = await open("ops", { namespace: "shop", pod: "web", command: "sh" });
    await first.waitForOutput("# ");
    const second = await open("ops", { namespace: "shop", pod: "web", command: ["echo", "second"] });
    expect(await second.closed).toMatchObject({ code: ExecCloseCode.TooManyShells, reason: expect.stringMatching(/^ops already has 1 open shells/) });
    expect(second.messages).toEqual([{ type: "error", status: 429, message: "ops already has 1 open shells, the most one person may; close some and try again" }]);
    const others = await open("dev", { namespace: "shop", pod: "web", command: ["echo", "dev"] });
    expect((await others.closed).code).toBe(1000);
    first.type("exit\r");
    await first.closed;
    await vi.waitFor(async () => {
      const third = await open("ops", { namespace: "shop", pod: "web", command: ["echo", "third"] });
      expect((await third.closed).code).toBe(1000);
    }, { timeout: 5_000, interval: 100 });
  });

  test("an exec that cannot be audited is closed before any keystroke or output passes", async () => {
    serveExec({ audit: async () => Promise.reject(new Error("EROFS: read-only file system")) });
    const client = await open("ops", { namespace: "shop", pod: "web", command: ["echo", "unaudited"] });
    expect((await client.closed).code).toBe(1011);
    expect(client.messages).toEqual([{ type: "error", message: expect.stringMatching(/^the audit log cannot be written, so the shell was closed/) }]);
    expect(client.output()).toBe("");
  });

  test("a shell idle for the limit closes with 4408", async () => {
    serveExec({ limits: { idleMs: 300 } });
    const client = await open("ops", { namespace: "shop", pod: "web", command: "sh" });
    await client.waitForOutput("# ");
    const closed = await client.closed;
    expect(closed.code).toBe(ExecCloseCode.Idle);
    expect(client.messages.at(-1)).toMatchObject({ type: "error", message: expect.stringMatching(/^no keystroke or output for/) });
  });
});
