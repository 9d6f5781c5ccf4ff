import { WebSocket } from "ws";
import { ExecCloseCode, maxExecFrameBytes, type ExecServerMessage } from "@/lib/wire/exec";
import { Channel, closeSignal } from "./channelProtocol";
import { log } from "../log";
import { parseClientMessage } from "./execQuery";
import { readExecStatus, type ExecStatus } from "./execStatus";
import { toBuffer, type Frame } from "./heldFrames";
import type { PodExec } from "./openPodExec";

export interface ExecRelayLimits {
  /** No keystroke and no output for this long closes the shell with 4408. */
  idleMs: number;
  /** Unsent bytes on one side above which the other side is no longer read. */
  highWaterBytes: number;
  /** How long a silent interactive bash is given before it counts as started. */
  probeMs: number;
}

export const defaultRelayLimits: ExecRelayLimits = { idleMs: 30 * 60_000, highWaterBytes: 1024 * 1024, probeMs: 1_500 };

/** How a relayed exec ended, for the audit log: the command's exit, a failure, or a socket closed first. */
export type ExecEnd = { command: string[] } & ExecEnding;
type ExecEnding = { kind: "exit"; code: number } | { kind: "failure"; message: string } | { kind: "closed"; reason: string };

export interface ExecRelayOptions {
  /** The container the shell runs in, as the `started` message names it ("" when the apiserver picks it). */
  container: string;
  command: string[];
  /** For an interactive shell: `sh`, opened when `bash` could not start. */
  fallback?: { command: string[]; open: () => Promise<PodExec> };
  limits: ExecRelayLimits;
  onEnd: (end: ExecEnd) => void;
}

// What a container runtime prints (or a kubelet puts in its Status) when argv[0] is not in the image.
const startFailure = /executable file not found|no such file or directory|not found in \$PATH/i;
// Keystrokes and output held while bash is probed or sh is opened.
const maxHeldBytes = 1024 * 1024;

type Phase = "probing" | "switching" | "relaying";

const frameOf = (channel: Channel, payload: Buffer | string) => Buffer.concat([Buffer.from([channel]), Buffer.from(payload)]);

/**
 * One browser terminal relayed to one pods/exec websocket: keystrokes to channel 0, resizes to channel 4,
 * channels 1 and 2 back as binary frames, channel 3's Status as `exit` or `error`. An interactive shell
 * starts as bash; if bash ends unsuccessfully before printing anything but the runtime's "not found", sh is
 * opened instead and bash's output is dropped (see docs in server/exec/execServer.ts).
 */
export class ExecRelay {
  private upstream: WebSocket | undefined;
  private command: string[];
  private phase: Phase;
  private heldOutput: Buffer[] = [];
  private heldInput: Buffer[] = [];
  private heldBytes = 0;
  private lastResize: Buffer | undefined;
  private lastActivity = Date.now();
  private idleTimer: NodeJS.Timeout;
  private probeTimer: NodeJS.Timeout | undefined;
  private ended = false;

  /** `upstream` is paused (as openWebSocket leaves it) and resumed once listened to; `browserHeld` came before the relay. */
  constructor(private readonly browser: WebSocket, upstream: WebSocket, browserHeld: Frame[], private readonly options: ExecRelayOptions) {
    this.command = options.command;
    this.phase = options.fallback ? "probing" : "relaying";
    this.idleTimer = setTimeout(() => this.checkIdle(), options.limits.idleMs);
    browser.on("message", (data, isBinary) => this.fromBrowser(toBuffer(data), isBinary));
    browser.on("close", (code) => this.finish(undefined, { kind: "closed", reason: `the browser socket closed (${code})` }));
    browser.on("error", (err) => log.warn({ err }, "exec: browser socket error"));
    if (this.phase === "relaying") this.sendStarted();
    else this.probeTimer = setTimeout(() => this.commit(), options.limits.probeMs);
    this.attach(upstream);
    for (const frame of browserHeld) this.fromBrowser(frame.data, frame.isBinary);
    if (browser.readyState === WebSocket.CLOSED) this.finish(undefined, { kind: "closed", reason: "the browser socket closed before the shell started" });
  }

  private attach(socket: WebSocket): void {
    this.upstream = socket;
    socket.on("message", (data) => socket === this.upstream && this.fromUpstream(toBuffer(data)));
    socket.on("close", (code, reason) => socket === this.upstream && this.upstreamClosed(code, reason.toString()));
    socket.on("error", (err) => log.warn({ err }, "exec: apiserver socket error"));
    if (socket.readyState === WebSocket.OPEN) socket.resume();
    else this.upstreamClosed(1006, "closed before the relay started");
  }

  private fromUpstream(data: Buffer): void {
    if (this.ended || data.length === 0) return;
    const channel = data[0];
    const payload = data.subarray(1);
    if (channel === Channel.StdOut || channel === Channel.StdErr) return this.output(payload);
    if (channel === Channel.Error) return this.status(readExecStatus(payload));
    // v5: [255, channel] says the container finished writing that channel; the Status follows.
    if (channel === closeSignal) return;
    log.warn({ channel, bytes: payload.length }, "exec: the apiserver sent a frame on an unknown channel; dropped");
  }

  private output(payload: Buffer): void {
    // An empty frame only opens the channel (the kubelet sends one first).
    if (payload.length === 0) return;
    this.lastActivity = Date.now();
    if (this.phase === "probing") {
      if (startFailure.test(payload.toString("utf8")) && this.heldBytes + payload.length <= maxHeldBytes) {
        this.heldOutput.push(payload);
        this.heldBytes += payload.length;
        return;
      }
      this.commit();
    }
    this.toBrowser(payload);
  }

  private status(status: ExecStatus): void {
    if (this.phase === "probing") {
      if (status.kind === "exit" && status.code === 0) this.commit();
      else return this.fallBack(status.kind === "exit" ? `exit code ${status.code}` : status.message);
    }
    if (status.kind === "exit") {
      this.sendJson({ type: "exit", code: status.code });
      return this.finish(1000, { kind: "exit", code: status.code });
    }
    this.sendJson({ type: "error", message: status.message });
    this.finish(1011, { kind: "failure", message: status.message });
  }

  private upstreamClosed(code: number, reason: string): void {
    if (this.ended) return;
    if (this.phase === "probing") return this.fallBack(`closed (${code})`);
    const message = `the connection to the container ended without an exit status (${code}${reason ? ` ${reason}` : ""})`;
    this.sendJson({ type: "error", message });
    this.finish(1011, { kind: "failure", message });
  }

  /** bash did not start: sh replaces it, with the keystrokes and size the person already sent. */
  private fallBack(why: string): void {
    const fallback = this.options.fallback;
    if (!fallback) return;
    log.info({ tried: this.command, why, next: fallback.command }, "exec: bash did not start; trying sh");
    this.phase = "switching";
    clearTimeout(this.probeTimer);
    this.heldBytes = this.heldInput.reduce((sum, frame) => sum + frame.length, 0);
    this.heldOutput = [];
    const old = this.upstream;
    this.upstream = undefined;
    old?.close(1000);
    this.command = fallback.command;
    fallback.open().then(
      (opened) => {
        if (this.ended) return opened.ok ? opened.socket.terminate() : undefined;
        if (!opened.ok) {
          this.sendJson({ type: "error", message: opened.refusal.message, status: opened.refusal.status });
          return this.finish(opened.refusal.closeCode, { kind: "failure", message: opened.refusal.message });
        }
        this.attach(opened.socket);
        this.commit();
      },
      (err: unknown) => {
        log.warn({ err }, "exec: opening sh failed");
        const message = `the shell could not be opened: ${err instanceof Error ? err.message : String(err)}`;
        this.sendJson({ type: "error", message });
        this.finish(1011, { kind: "failure", message });
      },
    );
  }

  /** The shell runs: say so, then pass on what was held. */
  private commit(): void {
    if (this.phase === "relaying" || this.ended || !this.upstream) return;
    this.phase = "relaying";
    clearTimeout(this.probeTimer);
    this.sendStarted();
    if (this.lastResize) this.toUpstream(this.lastResize);
    for (const payload of this.heldOutput.splice(0)) this.toBrowser(payload);
    for (const frame of this.heldInput.splice(0)) this.toUpstream(frame);
    this.heldBytes = 0;
  }

  private fromBrowser(data: Buffer, isBinary: boolean): void {
    if (this.ended) return;
    if (isBinary) {
      this.lastActivity = Date.now();
      return this.phase === "relaying" ? this.toUpstream(frameOf(Channel.StdIn, data)) : this.holdInput(frameOf(Channel.StdIn, data));
    }
    const message = parseClientMessage(data.toString("utf8"));
    if (!message) {
      const text = 'unknown message: text frames must be {"type":"resize","cols":1-10000,"rows":1-10000}; keystrokes go in binary frames';
      this.sendJson({ type: "error", message: text });
      return this.finish(ExecCloseCode.BadRequest, { kind: "closed", reason: text });
    }
    this.lastResize = frameOf(Channel.Resize, JSON.stringify({ Width: message.cols, Height: message.rows }));
    if (this.upstream && this.phase !== "switching") this.toUpstream(this.lastResize);
  }

  private holdInput(frame: Buffer): void {
    if (this.phase === "probing" && this.heldBytes + frame.length > maxHeldBytes) {
      this.commit();
      return this.toUpstream(frame);
    }
    if (this.heldBytes + frame.length > maxHeldBytes) {
      const message = "more than 1 MiB was typed before the shell started; the terminal was closed";
      this.sendJson({ type: "error", message });
      return this.finish(1011, { kind: "failure", message });
    }
    this.heldInput.push(frame);
    this.heldBytes += frame.length;
  }

  // Backpressure: a side with more than highWaterBytes unsent stops the other side's reads until it drains.
  private toBrowser(payload: Buffer): void {
    for (let start = 0; start < payload.length; start += maxExecFrameBytes) {
      this.sendPaced(this.browser, payload.subarray(start, start + maxExecFrameBytes), this.upstream);
    }
  }

  private toUpstream(frame: Buffer): void {
    if (this.upstream) this.sendPaced(this.upstream, frame, this.browser);
  }

  private sendPaced(to: WebSocket, data: Buffer, source: WebSocket | undefined): void {
    if (to.readyState !== WebSocket.OPEN) return;
    const high = this.options.limits.highWaterBytes;
    to.send(data, { binary: true }, () => {
      if (source?.isPaused && to.bufferedAmount <= high && source.readyState === WebSocket.OPEN) source.resume();
    });
    if (source && !source.isPaused && to.bufferedAmount > high && source.readyState === WebSocket.OPEN) source.pause();
  }

  private sendJson(message: ExecServerMessage): void {
    if (this.browser.readyState === WebSocket.OPEN) this.browser.send(JSON.stringify(message));
  }

  private sendStarted(): void {
    this.sendJson({ type: "started", container: this.options.container, command: this.command });
  }

  private checkIdle(): void {
    const quiet = Date.now() - this.lastActivity;
    const { idleMs } = this.options.limits;
    if (quiet < idleMs) return void (this.idleTimer = setTimeout(() => this.checkIdle(), idleMs - quiet));
    const limit = idleMs >= 60_000 ? `${Math.round(idleMs / 60_000)} min` : `${Math.round(idleMs / 1000)} s`;
    const message = `no keystroke or output for ${limit}; the shell was closed`;
    this.sendJson({ type: "error", message });
    this.finish(ExecCloseCode.Idle, { kind: "closed", reason: message });
  }

  /** Ends both sockets once; `code` undefined means the browser side is already closing. */
  private finish(code: number | undefined, end: ExecEnding): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.probeTimer);
    if (code !== undefined && this.browser.readyState === WebSocket.OPEN) this.browser.close(code, closeReason(end));
    const upstream = this.upstream;
    if (upstream?.readyState === WebSocket.OPEN) upstream.close(1000);
    else if (upstream && upstream.readyState !== WebSocket.CLOSED) upstream.terminate();
    this.options.onEnd({ ...end, command: this.command });
  }
}

// A close reason is at most 123 bytes.
function closeReason(end: ExecEnding): string {
  const text = end.kind === "exit" ? `exited with ${end.code}` : end.kind === "failure" ? end.message : end.reason;
  return Buffer.from(text).subarray(0, 120).toString("utf8").replace(/\uFFFD$/, "");
}
