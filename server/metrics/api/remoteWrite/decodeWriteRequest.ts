import { uncompress } from "snappyjs";
import { writeRequestType, type WireWriteRequest } from "./writeRequestSchema";

/** A refused remote-write request: the status and the plain-text reason the sender logs. */
export class RemoteWriteError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "RemoteWriteError";
  }
}

/** The decoded length a snappy block announces in its varint preamble, or undefined when the preamble is broken. */
export function snappyDecodedLength(block: Uint8Array): number | undefined {
  let length = 0;
  for (let i = 0; i < 5 && i < block.length; i++) {
    const byte = block[i]!;
    length += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return length;
  }
  return undefined;
}

/** Unpacks a snappy block, refusing one that announces more than `maxDecodedBytes` before allocating anything. */
export function decompressBlock(body: Uint8Array, maxDecodedBytes: number): Uint8Array {
  const announced = snappyDecodedLength(body);
  if (announced === undefined) throw new RemoteWriteError(400, "snappy: corrupt input");
  if (announced > maxDecodedBytes) throw new RemoteWriteError(400, `decoded request is ${announced} bytes, more than the ${maxDecodedBytes} allowed (--remote-write-max-decoded-bytes); send smaller batches`);
  try {
    return uncompress(body, maxDecodedBytes);
  } catch {
    throw new RemoteWriteError(400, "snappy: corrupt input");
  }
}

/** Decodes a snappy-compressed WriteRequest; anything that is not one is a 400 naming what was wrong. */
export function decodeWriteRequest(body: Uint8Array, maxDecodedBytes: number): WireWriteRequest {
  const raw = decompressBlock(body, maxDecodedBytes);
  try {
    const message = writeRequestType.decode(raw);
    return writeRequestType.toObject(message, { longs: Number, defaults: true, arrays: true }) as WireWriteRequest;
  } catch (error) {
    throw new RemoteWriteError(400, `body is not a protobuf WriteRequest: ${error instanceof Error ? error.message : String(error)}`);
  }
}
