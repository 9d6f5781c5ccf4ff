import { WebSocket } from "ws";
import type { Socket } from "node:net";
import type { ServerMessage } from "@/lib/wire/stream";

/** A websocket client that queues what it receives so a test can wait for a message. */
export class TestClient {
  readonly messages: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  closeEvent: { code: number; reason: string } | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      this.wake();
    });
    ws.on("close", (code, reason) => {
      this.closeEvent = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static async connect(url: string): Promise<TestClient> {
    const ws = new WebSocket(url);
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Removes and returns the first queued message that matches, waiting for it up to `timeoutMs`. */
  async next<T extends ServerMessage["type"]>(type: T, timeoutMs = 5000, match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.messages.findIndex((m) => m.type === type && match(m as Extract<ServerMessage, { type: T }>));
      if (index >= 0) return this.messages.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no "${type}" message within ${timeoutMs} ms; got ${this.messages.map((m) => m.type).join(", ") || "nothing"}`);
      await this.waitForAnything(deadline - Date.now());
    }
  }

  async closed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closeEvent) {
      if (Date.now() > deadline) throw new Error(`socket still open after ${timeoutMs} ms`);
      await this.waitForAnything(deadline - Date.now());
    }
    return this.closeEvent;
  }

  /** Stops reading from the socket, as a frozen tab would. */
  pauseReading(): void {
    this.rawSocket().pause();
  }

  resumeReading(): void {
    this.rawSocket().resume();
  }

  close(): void {
    this.ws.terminate();
  }

  private rawSocket(): Socket {
    return (this.ws as unknown as { _socket: Socket })._socket;
  }

  private waitForAnything(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(timeoutMs, 0));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}
