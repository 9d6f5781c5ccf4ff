import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import type { Person } from "../auth/person";
import { log } from "../log";
import { OriginPolicy } from "./originPolicy";
import { SESSION_ENDED_CLOSE_CODE, SocketSessions } from "./socketSessions";
import { createUpgradeGuard } from "./upgradeGuard";
import { createUpgradeRouter, refuseUpgrade } from "./upgradeRouter";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  vi.restoreAllMocks();
});

const people: Record<string, Person> = {
  alice: { name: "alice", groups: [], via: "session", sessionId: "s-alice", readOnly: false },
  bob: { name: "bob", groups: [], via: "session", sessionId: "s-bob", readOnly: false },
  brief: { name: "brief", groups: [], via: "session", sessionId: "s-brief", readOnly: false },
};

async function start() {
  const sessions = new SocketSessions();
  let port = 0;
  const guard = createUpgradeGuard({
    authenticate: async (req: IncomingMessage) => people[String(req.headers.cookie ?? "").replace("who=", "")] ?? null,
    originPolicy: () => new OriginPolicy({ listenHost: "127.0.0.1", port, allowedOrigins: [] }),
    sessions,
  });
  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer();
  server.on("upgrade", createUpgradeRouter({
    "/api/stream": guard.protect(async (req, socket, head) => {
      const verdict = await guard.authorize(req);
      if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason);
      wss.handleUpgrade(req, socket, head, (ws) => ws.send(`hello ${verdict.person.name}`));
    }),
  }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  cleanups.push(() => server.closeAllConnections());
  return { sessions, port };
}

function open(port: number, headers: Record<string, string>): Promise<{ ws: WebSocket; greeting: string } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/stream`, { headers });
    cleanups.push(() => ws.terminate());
    ws.once("message", (data) => resolve({ ws, greeting: String(data) }));
    ws.once("unexpected-response", (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once("error", reject);
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
}

describe("upgrade guard", () => {
  test("refuses an upgrade without login with 401 before the handshake", async () => {
    const { port } = await start();
    expect(await open(port, { origin: `http://127.0.0.1:${port}` })).toEqual({ status: 401 });
  });

  test("refuses a forged Origin with 403 even with a valid login", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const { port } = await start();
    expect(await open(port, { origin: "https://evil.example", cookie: "who=alice" })).toEqual({ status: 403 });
    expect(await open(port, { origin: "null", cookie: "who=alice" })).toEqual({ status: 403 });
  });

  test("hands the person to the socket and closes it when the session ends", async () => {
    vi.spyOn(log, "info").mockImplementation(() => undefined);
    const { port, sessions } = await start();
    const alice = await open(port, { origin: `http://127.0.0.1:${port}`, cookie: "who=alice" });
    const bob = await open(port, { cookie: "who=bob" });
    if (!("ws" in alice) || !("ws" in bob)) throw new Error("expected both sockets to open");
    expect(alice.greeting).toBe("hello alice");
    expect(sessions.size).toBe(2);
    const aliceClosed = closed(alice.ws);
    expect(sessions.endSession("s-alice")).toBe(1);
    expect(await aliceClosed).toEqual({ code: SESSION_ENDED_CLOSE_CODE, reason: "session ended" });
    expect(bob.ws.readyState).toBe(WebSocket.OPEN);
    expect(sessions.size).toBe(1);
  });

  test("closes a socket by itself when its login expires", async () => {
    const { port, sessions } = await start();
    people.brief!.expiresAt = Date.now() + 300;
    const brief = await open(port, { cookie: "who=brief" });
    if (!("ws" in brief)) throw new Error("expected the socket to open");
    expect(await closed(brief.ws)).toEqual({ code: SESSION_ENDED_CLOSE_CODE, reason: "session expired" });
    expect(sessions.size).toBe(0);
  });
});
