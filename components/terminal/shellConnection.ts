import type { ExecClientMessage, ExecServerMessage } from "@/lib/wire/exec";
import type { ShellEnd } from "./describeShellEnd";
import { binaryInput, splitInput } from "./splitInput";

/** The part of the browser WebSocket a shell uses. */
export interface ShellSocket {
  binaryType: string;
  readonly readyState: number;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type ShellState =
  | { phase: "connecting" }
  | { phase: "open"; container?: string; command?: string[] }
  | { phase: "closed"; end: ShellEnd };

export interface ShellConnectionOptions {
  url: string;
  createSocket: (url: string) => ShellSocket;
  onOutput: (bytes: Uint8Array) => void;
  onState: (state: ShellState) => void;
  /** Window resizes come in bursts; only the last size within this delay is sent. */
  resizeDelayMs?: number;
}

const OPEN = 1;

/** One /api/exec websocket (lib/wire/exec.ts): keystrokes out as binary, output in as binary, JSON messages besides. */
export class ShellConnection {
  private socket: ShellSocket | undefined;
  private size: { cols: number; rows: number } | undefined;
  private sentSize = "";
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private exitCode: number | undefined;
  private error: string | undefined;

  constructor(private readonly options: ShellConnectionOptions) {}

  start(): void {
    const socket = this.options.createSocket(this.options.url);
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    this.options.onState({ phase: "connecting" });
    socket.onopen = () => this.sendSize();
    socket.onmessage = (event) => this.handleMessage(event.data);
    socket.onclose = (event) => this.handleClose(event.code, event.reason);
    socket.onerror = () => undefined;
  }

  /** Typed or pasted text; a paste larger than a frame goes as several. */
  sendInput(text: string): void {
    for (const frame of splitInput(text)) this.sendRaw(frame);
  }

  /** xterm's binary data (some mouse modes). */
  sendBinary(data: string): void {
    this.sendRaw(binaryInput(data));
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.sendSize(), this.options.resizeDelayMs ?? 150);
  }

  /** Ends the shell from this side (the drawer closed or the person chose another container). */
  close(): void {
    clearTimeout(this.resizeTimer);
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    // Frames still in flight must not reach a terminal that is being disposed.
    socket.onmessage = null;
    socket.onclose = null;
    socket.close(1000, "closed by the person");
  }

  private sendRaw(frame: Uint8Array): void {
    if (this.socket?.readyState === OPEN && frame.length > 0) this.socket.send(frame);
  }

  private sendSize(): void {
    if (!this.size || this.socket?.readyState !== OPEN) return;
    const key = `${this.size.cols}x${this.size.rows}`;
    if (key === this.sentSize) return;
    this.sentSize = key;
    const message: ExecClientMessage = { type: "resize", ...this.size };
    this.socket.send(JSON.stringify(message));
  }

  private handleMessage(data: unknown): void {
    if (data instanceof ArrayBuffer) return this.options.onOutput(new Uint8Array(data));
    if (typeof data !== "string") return;
    let message: ExecServerMessage;
    try {
      message = JSON.parse(data) as ExecServerMessage;
    } catch {
      return;
    }
    if (message.type === "started") this.options.onState({ phase: "open", container: message.container, command: message.command });
    else if (message.type === "exit") this.exitCode = message.code;
    else if (message.type === "error") this.error = message.message;
  }

  private handleClose(code: number, reason: string): void {
    clearTimeout(this.resizeTimer);
    this.socket = undefined;
    this.options.onState({ phase: "closed", end: { code, reason: reason || undefined, exitCode: this.exitCode, error: this.error } });
  }
}
