import type { ServerResponse } from "node:http";
import { formatRfc3339Nano, type LogEntry, type LogSnapshot, type LogTimeline } from "./logTimeline";

const chunkBytes = 64 * 1024;

/** Resolves when the response can take more data, or when it is gone. */
export function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** Writes log lines to a response in chunks, honouring timestamps, limitBytes and backpressure. */
export class LogWriter {
  private remaining: number;

  constructor(private readonly res: ServerResponse, private readonly timestamps: boolean, limitBytes?: number) {
    this.remaining = limitBytes ?? Number.POSITIVE_INFINITY;
  }

  /** True once limitBytes have been written or the client has gone. */
  get done(): boolean {
    return this.remaining <= 0 || this.res.destroyed || this.res.writableEnded;
  }

  format(entry: LogEntry): string {
    return this.timestamps ? `${formatRfc3339Nano(entry.timeMs, entry.nanos)} ${entry.text}\n` : `${entry.text}\n`;
  }

  /** Writes lines [from, to) of the snapshot; one line at a time in memory plus one chunk. */
  async writeRange(timeline: LogTimeline, snapshot: LogSnapshot, from: number, to: number): Promise<void> {
    let chunk = "";
    for (let index = from; index < to && !this.done; index++) {
      const line = this.format(timeline.entry(index, snapshot));
      const bytes = Buffer.byteLength(line);
      if (bytes > this.remaining) {
        await this.send(chunk);
        chunk = "";
        await this.send(Buffer.from(line).subarray(0, this.remaining));
        this.remaining = 0;
        break;
      }
      this.remaining -= bytes;
      chunk += line;
      if (chunk.length >= chunkBytes) {
        await this.send(chunk);
        chunk = "";
      }
    }
    await this.send(chunk);
  }

  private async send(data: string | Buffer): Promise<void> {
    if (data.length === 0 || this.res.destroyed || this.res.writableEnded) return;
    if (!this.res.write(data)) await waitForDrain(this.res);
  }
}
