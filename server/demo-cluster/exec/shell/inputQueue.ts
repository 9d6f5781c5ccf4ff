// The session's stdin as a queue of text chunks, with an end and an interrupt hook for Ctrl-C.

export const interruptChar = "\x03";

/** Hard bound on unread input; the transport stops reading long before (see onPressure). */
export const maxBufferedInput = 4 * 1024 * 1024;

export class InputQueue {
  private chunks: string[] = [];
  private buffered = 0;
  private ended = false;
  private pressured = false;
  private waiter?: () => void;
  /** Called instead of queueing Ctrl-C while a command runs on a terminal. */
  onInterrupt?: () => void;
  /** Told when unread input passes the high-water mark (stop reading the client) and when it drains. */
  onPressure?: (full: boolean) => void;

  constructor(private readonly highWater = 256 * 1024) {}

  push(data: string): void {
    if (this.ended || data.length === 0) return;
    if (this.onInterrupt && data.includes(interruptChar)) {
      this.onInterrupt();
      data = data.split(interruptChar).join("");
      if (data.length === 0) return;
    }
    if (this.buffered + data.length > maxBufferedInput) data = data.slice(0, Math.max(0, maxBufferedInput - this.buffered));
    if (data.length === 0) return;
    this.chunks.push(data);
    this.buffered += data.length;
    if (!this.pressured && this.buffered > this.highWater) {
      this.pressured = true;
      this.onPressure?.(true);
    }
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  get isEnded(): boolean {
    return this.ended && this.chunks.length === 0;
  }

  /** Puts text back at the front, for a reader that took more than it used. */
  unread(text: string): void {
    if (text.length === 0) return;
    this.chunks.unshift(text);
    this.buffered += text.length;
  }

  /** The next chunk; null at the end of input or when `signal` aborts. */
  async read(signal?: AbortSignal): Promise<string | null> {
    while (this.chunks.length === 0) {
      if (this.ended || signal?.aborted) return null;
      await new Promise<void>((resolve) => {
        const done = () => {
          signal?.removeEventListener("abort", done);
          this.waiter = undefined;
          resolve();
        };
        this.waiter = done;
        signal?.addEventListener("abort", done, { once: true });
      });
    }
    const chunk = this.chunks.shift()!;
    this.buffered -= chunk.length;
    if (this.pressured && this.buffered <= this.highWater / 4) {
      this.pressured = false;
      this.onPressure?.(false);
    }
    return chunk;
  }

  private wake(): void {
    this.waiter?.();
  }
}
