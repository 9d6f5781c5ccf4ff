import { StringDecoder } from "node:string_decoder";
import type { RawData, WebSocket } from "ws";
import { Channel, type ChannelProtocol, closeSignal, parseResize, protocolV5, type TerminalSize } from "./channels";

export interface ConnectionLimits {
  /** Largest payload in one outgoing frame; longer output is split. */
  frameBytes: number;
  /** Above this much unsent output, stop reading the client (stdin) until it drains. */
  highWaterBytes: number;
  lowWaterBytes: number;
}

export const defaultLimits: ConnectionLimits = { frameBytes: 32 * 1024, highWaterBytes: 1024 * 1024, lowWaterBytes: 256 * 1024 };

const toBuffer = (data: RawData): Buffer => (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));

/** One exec/attach websocket: frames in and out by channel, with backpressure and a clean end. */
export class ChannelConnection {
  onStdin?: (text: string) => void;
  onStdinEnd?: () => void;
  onResize?: (size: TerminalSize) => void;
  private readonly decoder = new StringDecoder("utf8");
  private readonly closedController = new AbortController();
  private drainWaiters: (() => void)[] = [];
  /** Why reading from the client is paused: too much unsent output, or unread input. */
  private readonly pausedBy = new Set<"output" | "input">();

  constructor(private readonly ws: WebSocket, readonly protocol: ChannelProtocol, private readonly limits = defaultLimits) {
    ws.on("message", (data) => this.receive(toBuffer(data)));
    ws.on("close", () => this.markClosed());
    ws.on("error", () => this.markClosed());
  }

  /** Aborts when the websocket is gone, for whatever reason. */
  get closed(): AbortSignal {
    return this.closedController.signal;
  }

  send(channel: Channel, data: string | Buffer): void {
    if (this.closed.aborted || this.ws.readyState !== this.ws.OPEN) return;
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let offset = 0; offset === 0 || offset < bytes.length; offset += this.limits.frameBytes) {
      const frame = Buffer.concat([Buffer.of(channel), bytes.subarray(offset, offset + this.limits.frameBytes)]);
      this.ws.send(frame, { binary: true }, () => this.afterWrite());
    }
    if (this.ws.bufferedAmount > this.limits.highWaterBytes) this.pauseReading("output", true);
  }

  /** Stops (or restarts) reading client frames; reading resumes only when no reason is left. */
  pauseReading(reason: "output" | "input", paused: boolean): void {
    if (paused) this.pausedBy.add(reason);
    else this.pausedBy.delete(reason);
    if (this.pausedBy.size > 0 && !this.ws.isPaused) this.ws.pause();
    if (this.pausedBy.size === 0 && this.ws.isPaused) this.ws.resume();
  }

  /** Resolves when unsent output is below the low-water mark (or the socket is gone). */
  drain(): Promise<void> {
    if (this.ws.bufferedAmount <= this.limits.lowWaterBytes || this.closed.aborted) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Sends the final status on the error channel and closes normally. */
  finish(status: Record<string, unknown>): void {
    if (this.closed.aborted) return;
    this.send(Channel.Error, JSON.stringify(status));
    this.ws.close(1000);
  }

  /** Drops the connection without a status (e.g. the server is shutting down). */
  terminate(): void {
    this.ws.terminate();
    this.markClosed();
  }

  private receive(frame: Buffer): void {
    if (frame.length === 0) return;
    const payload = frame.subarray(1);
    switch (frame[0]) {
      case Channel.StdIn:
        if (payload.length > 0) this.onStdin?.(this.decoder.write(payload));
        return;
      case Channel.Resize: {
        const size = parseResize(payload);
        if (size) this.onResize?.(size);
        return;
      }
      case closeSignal:
        if (this.protocol === protocolV5 && payload[0] === Channel.StdIn) this.onStdinEnd?.();
        return;
      default:
        return;
    }
  }

  private afterWrite(): void {
    if (this.ws.bufferedAmount > this.limits.lowWaterBytes) return;
    this.pauseReading("output", false);
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private markClosed(): void {
    if (this.closed.aborted) return;
    this.closedController.abort();
    this.onStdinEnd?.();
    for (const resolve of this.drainWaiters) resolve();
    this.drainWaiters = [];
  }
}
