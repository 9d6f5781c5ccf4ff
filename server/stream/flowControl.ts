import type { WebSocket } from "ws";
import { StreamCloseCode } from "@/lib/wire/stream";
import { log } from "../log";

export interface BufferLimits {
  /** Above this many unread bytes the client is behind: deltas are dropped for a resync and new snapshots wait (bytes of snapshots just sent are allowed on top, up to the hard bound). */
  maxBufferedBytes: number;
  /** No connection holds more unread bytes than this: a snapshot that does not fit waits, one larger than this is refused, and any other frame that would cross it closes the connection. */
  hardBufferedBytes: number;
  /** A client that is behind or owed frames, whose buffer has not shrunk for this long, is closed. */
  slowClientTimeoutMs: number;
  /** How often a lagging client's buffer is checked. */
  drainCheckMs: number;
  maxSubscriptions: number;
}

/** Whether a snapshot of some size can be sent now, once the client has read more, or never on this connection. */
export type SnapshotRoom = "now" | "later" | "never";

export interface FlowHooks {
  /** The buffer is back under half the soft limit: frames that were owed can be sent. */
  onDrained(): void;
  /** Whether anything (a snapshot, a resync) waits for the client to read. */
  owesFrames(): boolean;
  close(code: number, reason: string): void;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The bytes between the cache and one socket: the soft and hard bounds, the drain check, and closing a client that stopped reading. */
export class FlowControl {
  /** Bytes of snapshots sent since the buffer was last under the soft limit: a big snapshot alone is not falling behind. */
  private snapshotBytes = 0;
  private drainTimer: NodeJS.Timeout | undefined;
  /** Buffer level at the last check, bytes queued since, and when the buffer last shrank: a client that reads makes progress. */
  private lastBuffered = 0;
  private queuedSinceCheck = 0;
  private lastProgressAt = 0;
  /** Unread bytes when the client last fell behind, for the resync's reason. */
  lagBytes = 0;
  private stopped = false;

  constructor(
    private readonly ws: WebSocket,
    readonly limits: BufferLimits,
    private readonly hooks: FlowHooks,
  ) {}

  get buffered(): number {
    return this.ws.bufferedAmount;
  }

  /** True while deltas must be dropped and new snapshots wait. */
  isBehind(): boolean {
    return this.buffered > this.lagLimit();
  }

  /** Topology frames are sent whole and never dropped, so they also wait until a soft limit's worth of room is left. */
  isBehindForFrames(): boolean {
    return this.isBehind() || this.buffered > this.limits.hardBufferedBytes - this.limits.maxBufferedBytes;
  }

  fallBehind(): void {
    this.lagBytes = Math.max(this.lagBytes, this.buffered);
    this.watch();
  }

  /** New snapshots start only while the buffer is under the soft limit, so a client that stopped reading is not sent one after another. */
  snapshotsWait(): boolean {
    return this.buffered > this.limits.maxBufferedBytes;
  }

  snapshotRoom(bytes: number): SnapshotRoom {
    if (bytes > this.limits.hardBufferedBytes) return "never";
    if (this.snapshotsWait() || this.buffered + bytes > this.limits.hardBufferedBytes) return "later";
    return "now";
  }

  /** Why a snapshot can never be sent on this connection, worded for the person. */
  tooBig(what: string, bytes: number): string {
    return `the snapshot of ${what} is ${mib(bytes)}, more than one connection may hold unread (${mib(this.limits.hardBufferedBytes)}); subscribe to one namespace`;
  }

  /** Sends a delta when it fits under the hard bound; false when it was dropped (the caller owes a resync). */
  sendDelta(text: string): boolean {
    const data = Buffer.from(text);
    if (this.buffered + data.length > this.limits.hardBufferedBytes) return false;
    this.write(data);
    return true;
  }

  /** Sends a snapshot the caller checked with `snapshotRoom`, or one whose size it could not know in advance (topology). */
  sendSnapshot(text: string): void {
    const data = Buffer.from(text);
    if (!this.fitsOrClose(data.length)) return;
    this.snapshotBytes += data.length;
    this.write(data);
  }

  /** Every other frame (status, error, pong, resync, topology deltas); one that would cross the hard bound closes the connection. */
  send(text: string): void {
    const data = Buffer.from(text);
    if (this.fitsOrClose(data.length)) this.write(data);
  }

  /** Starts the drain check when the client is over the soft limit or is owed frames. */
  watch(): void {
    if (this.drainTimer || this.stopped) return;
    if (this.buffered <= this.limits.maxBufferedBytes && !this.hooks.owesFrames()) return;
    this.lastBuffered = this.buffered;
    this.queuedSinceCheck = 0;
    this.lastProgressAt = Date.now();
    this.drainTimer = setInterval(() => this.checkDrain(), this.limits.drainCheckMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.drainTimer);
    this.drainTimer = undefined;
  }

  /** Deltas are dropped above this; it forgets sent snapshots once the buffer is back under the soft limit, and never exceeds the hard bound. */
  private lagLimit(): number {
    const { maxBufferedBytes, hardBufferedBytes } = this.limits;
    if (this.buffered <= maxBufferedBytes) this.snapshotBytes = 0;
    return Math.min(maxBufferedBytes + this.snapshotBytes, hardBufferedBytes);
  }

  private fitsOrClose(bytes: number): boolean {
    const { hardBufferedBytes } = this.limits;
    if (this.buffered + bytes <= hardBufferedBytes) return true;
    log.warn({ buffered: this.buffered, bytes }, "closing a stream client whose unread bytes would cross the hard bound");
    this.hooks.close(StreamCloseCode.TryAgainLater, `client too slow: over the bound of ${hardBufferedBytes} bytes unread`);
    return false;
  }

  private write(data: Buffer): void {
    if (this.stopped || this.ws.readyState !== this.ws.OPEN) return;
    const before = this.buffered;
    this.ws.send(data, { binary: false });
    this.queuedSinceCheck += Math.max(0, this.buffered - before);
    this.watch();
  }

  private checkDrain(): void {
    const buffered = this.buffered;
    // Bytes that left the buffer since the last check, not counting what was queued meanwhile.
    if (this.lastBuffered + this.queuedSinceCheck > buffered) this.lastProgressAt = Date.now();
    this.lastBuffered = buffered;
    this.queuedSinceCheck = 0;
    const waiting = buffered > this.limits.maxBufferedBytes || this.hooks.owesFrames();
    if (waiting && Date.now() - this.lastProgressAt >= this.limits.slowClientTimeoutMs) return this.closeStalled(buffered);
    if (buffered > this.limits.maxBufferedBytes / 2) return;
    this.hooks.onDrained();
    this.lagBytes = 0;
    // A snapshot that still does not fit keeps the check (and its stall clock) running.
    if (this.stopped || this.hooks.owesFrames()) return;
    clearInterval(this.drainTimer);
    this.drainTimer = undefined;
    this.watch();
  }

  private closeStalled(buffered: number): void {
    const seconds = Math.round(this.limits.slowClientTimeoutMs / 1000);
    log.warn({ buffered, seconds }, "closing a stream client that stopped reading");
    this.hooks.close(StreamCloseCode.TryAgainLater, `client too slow: stopped reading with ${buffered} bytes unread for ${seconds}s`);
  }
}
