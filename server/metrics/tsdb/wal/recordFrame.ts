import { crc32 } from "node:zlib";
import { ByteReader, type ByteWriter } from "./byteCodec";

/** Kinds of record in WAL segments and checkpoint files. */
export enum RecordType {
  Series = 1,
  Samples = 2,
  Histograms = 3,
  SnapshotSeries = 10,
  SnapshotMeta = 11,
  SnapshotEnd = 12,
}

/** type (1) + payload length (4) + CRC32 of the payload (4). */
export const FRAME_HEADER_BYTES = 9;

/** Writes one framed record; `writePayload` fills it and the length and checksum are patched after. */
export function writeFrame(w: ByteWriter, type: RecordType, writePayload: (w: ByteWriter) => void): void {
  w.u8(type);
  const lengthAt = w.length;
  w.u32(0);
  w.u32(0);
  const start = w.length;
  writePayload(w);
  const payload = w.result().subarray(start);
  w.patchU32(lengthAt, payload.length);
  w.patchU32(lengthAt + 4, crc32(payload));
}

export interface FrameScan {
  /** Bytes of whole, valid records from the start. */
  goodBytes: number;
  records: number;
  /** Why scanning stopped early, when it did. */
  error?: string;
}

/** Calls `onRecord` for each valid record in order and stops at the first torn or corrupt one. */
export function scanFrames(data: Uint8Array, onRecord: (type: RecordType, payload: ByteReader) => void): FrameScan {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  let records = 0;
  while (offset < data.length) {
    if (data.length - offset < FRAME_HEADER_BYTES) return { goodBytes: offset, records, error: `torn record header at offset ${offset}` };
    const type = data[offset]!;
    const length = view.getUint32(offset + 1, true);
    const checksum = view.getUint32(offset + 5, true);
    const start = offset + FRAME_HEADER_BYTES;
    if (!(type in RecordType)) return { goodBytes: offset, records, error: `unknown record type ${type} at offset ${offset}` };
    if (start + length > data.length) return { goodBytes: offset, records, error: `torn record at offset ${offset} (${length} bytes announced, ${data.length - start} present)` };
    const payload = data.subarray(start, start + length);
    if (crc32(payload) !== checksum) return { goodBytes: offset, records, error: `checksum mismatch in record at offset ${offset}` };
    try {
      onRecord(type as RecordType, new ByteReader(payload));
    } catch (err) {
      return { goodBytes: offset, records, error: `unreadable record at offset ${offset}: ${(err as Error).message}` };
    }
    records++;
    offset = start + length;
  }
  return { goodBytes: offset, records };
}
