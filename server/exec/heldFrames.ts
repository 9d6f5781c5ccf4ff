import type { RawData, WebSocket } from "ws";

/** One websocket message as ws delivers it with the default binaryType (nodebuffer). */
export interface Frame {
  data: Buffer;
  isBinary: boolean;
}

export function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/**
 * Keeps a socket's messages, in order, until the returned function hands them over; ws emits messages
 * whether or not anyone listens, so a socket waiting on an await (the audit line) would otherwise lose them.
 */
export function holdFrames(socket: WebSocket): () => Frame[] {
  const frames: Frame[] = [];
  const keep = (data: RawData, isBinary: boolean) => frames.push({ data: toBuffer(data), isBinary });
  socket.on("message", keep);
  return () => {
    socket.off("message", keep);
    return frames;
  };
}
