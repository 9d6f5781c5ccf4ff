import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { exitStatus } from "../demo-cluster/exec/channels";
import { ExecRelay, type ExecEnd } from "./execRelay";

const listening: { close(): void }[] = [];
afterEach(() => listening.splice(0).forEach((server) => server.close()));

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  listening.push({ close: () => (server.closeAllConnections(), server.close()) });
  return (server.address() as AddressInfo).port;
}

/** A stand-in apiserver exec socket that writes `total` bytes of stdout in 64 KiB frames, then Success. */
async function floodingApiserver(total: number): Promise<{ url: string; socket: Promise<WebSocket> }> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const socket = new Promise<WebSocket>((resolve) => wss.on("connection", (ws) => {
    const chunk = Buffer.concat([Buffer.from([1]), Buffer.alloc(64 * 1024, "x")]);
    for (let sent = 0; sent < total; sent += 64 * 1024) ws.send(chunk);
    ws.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify(exitStatus(0)))]));
    resolve(ws);
  }));
  return { url: `ws://127.0.0.1:${await listen(http)}`, socket };
}

/** Orrery's side: each browser socket is relayed to a new socket to `upstreamUrl`. */
async function relayTo(upstreamUrl: string, ends: ExecEnd[]): Promise<string> {
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true });
  http.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (browser) => {
    const upstream = new WebSocket(upstreamUrl);
    upstream.once("open", () => {
      upstream.pause();
      new ExecRelay(browser, upstream, [], { container: "c", command: ["cat"], limits: { idleMs: 60_000, highWaterBytes: 256 * 1024, probeMs: 1_000 }, onEnd: (end) => ends.push(end) });
    });
  }));
  return `ws://127.0.0.1:${await listen(http)}`;
}

describe("ExecRelay", () => {
  test("a browser that stops reading stops the reads from the apiserver, and nothing is lost", async () => {
    const total = 32 * 1024 * 1024;
    const apiserver = await floodingApiserver(total);
    const ends: ExecEnd[] = [];
    const browser = new WebSocket(await relayTo(apiserver.url, ends));
    let received = 0;
    const exit = new Promise<string>((resolve) => browser.on("message", (data: Buffer, isBinary) => (isBinary ? (received += data.length) : JSON.parse(data.toString()).type === "exit" && resolve(data.toString()))));
    await new Promise((resolve) => browser.once("open", resolve));
    browser.pause();
    const upstream = await apiserver.socket;
    // Orrery reads no more than its high-water mark plus what the kernel buffers hold; the rest waits at the apiserver.
    await vi.waitFor(() => expect(upstream.bufferedAmount).toBeGreaterThan(8 * 1024 * 1024), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(upstream.bufferedAmount).toBeGreaterThan(8 * 1024 * 1024);
    browser.resume();
    expect(JSON.parse(await exit)).toEqual({ type: "exit", code: 0 });
    expect(received).toBe(total);
    expect(ends).toEqual([{ kind: "exit", code: 0, command: ["cat"] }]);
  }, 30_000);
});
