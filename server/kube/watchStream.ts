import { StringDecoder } from "node:string_decoder";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

export interface RawWatchEvent {
  type: WatchEventType;
  /** The object, or a metav1.Status for ERROR. */
  object: Record<string, unknown>;
}

const eventTypes = new Set<string>(["ADDED", "MODIFIED", "DELETED", "BOOKMARK", "ERROR"]);

/** A watch line that is complete but not a watch event; the stream cannot be trusted after it. */
export class WatchProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WatchProtocolError";
  }
}

/**
 * Reads newline-delimited JSON watch events as they arrive.
 * A trailing line without its newline (the connection dropped mid-event) is discarded, never parsed.
 */
export async function* readWatchEvents(
  body: AsyncIterable<Buffer | string>,
  onPartialLine?: (length: number) => void,
): AsyncGenerator<RawWatchEvent> {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  for await (const chunk of body) {
    carry += typeof chunk === "string" ? chunk : decoder.write(chunk);
    let newline = carry.indexOf("\n");
    while (newline >= 0) {
      const line = carry.slice(0, newline).trim();
      carry = carry.slice(newline + 1);
      if (line !== "") yield parseWatchLine(line);
      newline = carry.indexOf("\n");
    }
  }
  carry += decoder.end();
  if (carry.trim() !== "") onPartialLine?.(carry.length);
}

export function parseWatchLine(line: string): RawWatchEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new WatchProtocolError(`malformed watch event (not JSON): ${line.slice(0, 120)}`);
  }
  const event = parsed as { type?: unknown; object?: unknown };
  if (typeof event !== "object" || event === null || typeof event.type !== "string" || !eventTypes.has(event.type)) {
    throw new WatchProtocolError(`malformed watch event (no known type): ${line.slice(0, 120)}`);
  }
  if (typeof event.object !== "object" || event.object === null) {
    throw new WatchProtocolError(`malformed watch event (no object): ${line.slice(0, 120)}`);
  }
  return { type: event.type as WatchEventType, object: event.object as Record<string, unknown> };
}
