import { mkdtemp, rm } from "node:fs/promises";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { freePort } from "./harness/freePort";
import { startOrrery, type OrreryProcess } from "./harness/orreryProcess";
import { noteOutcome } from "./harness/suiteContext";

// Orrery's memory is read from outside, through the V8 inspector of its own production process (the server
// exposes no heap figures): a forced collection, then process.memoryUsage(). Socket buffers are Buffers, so the
// figure is the JS heap plus external memory.

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A minimal Chrome DevTools Protocol client over the inspector's websocket. */
class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    return new Inspector(ws);
  }

  call<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (result) => resolve(result as T));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Heap used plus external memory after full collections. */
  async settledMemory(): Promise<number> {
    for (let i = 0; i < 3; i++) {
      await this.call("HeapProfiler.collectGarbage");
      await delay(100);
    }
    const { result } = await this.call<{ result: { value: string } }>("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true });
    const usage = JSON.parse(result.value) as NodeJS.MemoryUsage;
    return usage.heapUsed + usage.external;
  }

  close(): void {
    this.ws.close();
  }
}

let orrery: OrreryProcess;
let inspector: Inspector;
let dataDir: string;
let base: string;

// A second Orrery, alone: the flood must not disturb the suite's shared one, and its heap must be its own.
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-flood-"));
  const port = await freePort();
  base = `127.0.0.1:${port}`;
  orrery = await startOrrery(["--demo", "--host", "127.0.0.1", "--port", String(port), "--auth", "none", "--data-dir", dataDir], { NODE_OPTIONS: "--inspect=127.0.0.1:0" });
  const debuggerUrl = /Debugger listening on (ws:\/\/\S+)/.exec(orrery.output())?.[1];
  if (!debuggerUrl) throw new Error(`no inspector URL in Orrery's output:\n${orrery.output()}`);
  inspector = await Inspector.connect(debuggerUrl);
});

afterAll(async () => {
  inspector?.close();
  await orrery?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function openStream(): Promise<{ ws: WebSocket; first: string }> {
  const ws = new WebSocket(`ws://${base}/api/stream`, { headers: { origin: `http://${base}` }, maxPayload: 512 * 1024 * 1024 });
  return new Promise((resolve, reject) => {
    ws.once("message", (data) => resolve({ ws, first: String(data) }));
    ws.once("error", reject);
  });
}

/** The size of one pods snapshot, read by a client that does read. */
async function podsSnapshotBytes(): Promise<number> {
  const { ws } = await openStream();
  const size = new Promise<number>((resolve) => ws.on("message", (data: Buffer) => String(data).startsWith('{"type":"snapshot"') && resolve(data.length)));
  ws.send(JSON.stringify({ type: "subscribe", id: "p", resource: "pods" }));
  const bytes = await size;
  ws.close();
  return bytes;
}

describe("a stream client that never reads", () => {
  test("flooding subscribe and unsubscribe gets it closed, and the server's memory returns to its level before the flood", async ({ task }) => {
    const snapshotBytes = await podsSnapshotBytes();
    const before = await inspector.settledMemory();
    // Enough snapshots for ~200 MiB: a server that counted them above its bound would hold them all.
    const pairs = Math.min(20_000, Math.ceil((200 * 1024 * 1024) / snapshotBytes));
    const { ws } = await openStream();
    (ws as unknown as { _socket: Socket })._socket.pause();
    const closedByServer = "closing a stream client that stopped reading";
    const sentAt = Date.now();
    let sent = 0;
    for (; sent < pairs && !orrery.output().includes(closedByServer); sent++) {
      ws.send(JSON.stringify({ type: "subscribe", id: `s${sent}`, resource: "pods" }));
      ws.send(JSON.stringify({ type: "unsubscribe", id: `s${sent}` }));
      if (sent % 50 === 49) await delay(10);
    }
    // 15 s without the buffer shrinking closes it.
    const deadline = Date.now() + 45_000;
    while (!orrery.output().includes(closedByServer) && Date.now() < deadline) await delay(250);
    const closedAfterMs = Date.now() - sentAt;
    expect(orrery.output()).toContain(closedByServer);
    ws.terminate();

    let after = await inspector.settledMemory();
    for (let i = 0; i < 10 && after - before > 16 * 1024 * 1024; i++) {
      await delay(1_000);
      after = await inspector.settledMemory();
    }
    noteOutcome(task, `pods snapshot ${mib(snapshotBytes)}, ${sent} subscribe/unsubscribe pairs sent; closed after ${(closedAfterMs / 1000).toFixed(0)} s; heap+external ${mib(before)} before, ${mib(after)} after`);
    expect(after - before).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
