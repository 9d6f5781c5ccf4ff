import { maxExecFrameBytes } from "@/lib/wire/exec";

const encoder = new TextEncoder();

/** Keystrokes or a paste as UTF-8 frames of at most `limit` bytes, never cutting a character in two. */
export function splitInput(text: string, limit = maxExecFrameBytes): Uint8Array[] {
  const bytes = encoder.encode(text);
  const frames: Uint8Array[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back over continuation bytes (10xxxxxx) so the frame ends on a character boundary.
    if (end < bytes.length) while (end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    frames.push(bytes.subarray(start, end));
    start = end;
  }
  return frames;
}

/** xterm's binary data (mouse reports in some modes): one byte per character, as xterm documents. */
export function binaryInput(data: string): Uint8Array {
  return Uint8Array.from(data, (char) => char.charCodeAt(0) & 0xff);
}
