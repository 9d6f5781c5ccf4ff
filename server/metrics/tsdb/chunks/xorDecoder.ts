import * as decimal from "./decimalDelta";
import * as bits from "./floatBits";
import { HEADER_BITS as HEADER, NO_WINDOW as NONE } from "./xorFormat";

// Bound once: CommonJS transforms (tsx, vitest's SSR) turn every use of an import into a getter
// call on the module object, which costs more than the decoding itself in these loops.
const { floatFromWords, floatHigh, lastFloatLow, leadingZeros64, trailingZeros64 } = bits;
const HEADER_BITS = HEADER;
const NO_WINDOW = NONE;
const ENDS_EARLY = "chunk data ends early";
const { CLASS_BITS: DECIMAL_WIDTHS, POW10 } = decimal;

/** Where decoding a chunk ended: what an appender needs to continue it. */
export interface XorState {
  count: number;
  bitPosition: number;
  t: number;
  v: number;
  delta: number;
  hi: number;
  lo: number;
  leading: number;
  trailing: number;
  scale: number;
}

/** `count` (≤ 24) bits from bit `pos`, most significant first; bytes past the end read as 0 (callers check the position). */
function peek(b: Uint8Array, pos: number, count: number): number {
  const at = pos >>> 3;
  // Four bytes always cover 24 bits from any bit offset inside the first one.
  const word = (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
  return (word >>> (32 - (pos & 7) - count)) & ((1 << count) - 1);
}

/** Up to 32 bits from bit `pos`. */
function peek32(b: Uint8Array, pos: number, count: number): number {
  return count > 24 ? peek(b, pos, count - 16) * 65536 + peek(b, pos + count - 16, 16) : peek(b, pos, count);
}

/** Up to 53 bits from bit `pos`. */
function peekWide(b: Uint8Array, pos: number, count: number): number {
  return count > 32 ? peek32(b, pos, count - 32) * 2 ** 32 + peek32(b, pos + count - 32, 32) : peek32(b, pos, count);
}

function bitAt(b: Uint8Array, pos: number): number {
  return ((b[pos >>> 3] ?? 0) >>> (7 - (pos & 7))) & 1;
}

/** Reads an n-bit payload of the dod buckets: values run from -(2^(n-1) - 1) to 2^(n-1). */
function signed(raw: number, width: number): number {
  return raw > 1 << (width - 1) ? raw - (1 << width) : raw;
}

/** The word (hi or lo) of an XOR of `significant` bits read as xHi:xLo, shifted left by `trailing`. */
function shiftedHigh(xHi: number, xLo: number, trailing: number): number {
  if (trailing >= 32) return trailing === 64 ? 0 : (xLo << (trailing - 32)) >>> 0;
  return trailing > 0 ? ((xHi << trailing) | (xLo >>> (32 - trailing))) >>> 0 : xHi;
}

function shiftedLow(xLo: number, trailing: number): number {
  if (trailing >= 32) return 0;
  return trailing > 0 ? (xLo << trailing) >>> 0 : xLo;
}

/**
 * Decodes every sample of a chunk into the arrays from `offset` and returns the final state.
 * One function with its state in locals, since this loop is where queries spend their time.
 */
export function decodeXor(b: Uint8Array, timestamps: Float64Array, values: Float64Array, offset: number): XorState {
  if (b.length < 2) throw new Error("chunk shorter than its header");
  const total = (b[0]! << 8) | b[1]!;
  const limit = b.length * 8;
  if (total === 0) return { count: 0, bitPosition: HEADER_BITS, t: 0, v: 0, delta: 0, hi: 0, lo: 0, leading: NO_WINDOW, trailing: 0, scale: 0 };
  let pos = HEADER_BITS;
  const width = peek(b, pos, 6);
  pos += 6;
  let t = width === 63 ? floatFromWords(peek32(b, pos, 32), peek32(b, pos + 32, 32)) : peekWide(b, pos, width);
  pos += width === 63 ? 64 : width;
  let hi = peek32(b, pos, 32);
  let lo = peek32(b, pos + 32, 32);
  pos += 64;
  if (pos > limit) throw new Error(ENDS_EARLY);
  let v = floatFromWords(hi, lo);
  let delta = 0;
  let leading = NO_WINDOW;
  let trailing = 0;
  let scale = 0;
  timestamps[offset] = t;
  values[offset] = v;
  for (let i = 1; i < total; i++) {
    // Delta of delta: prefixes 0, 10, 110, 1110, 1111 read as one 4-bit peek.
    const dp = peek(b, pos, 4);
    if (dp < 8) pos += 1;
    else if (dp < 12) {
      delta += signed(peek(b, pos + 2, 4), 4);
      pos += 6;
    } else if (dp < 14) {
      delta += signed(peek(b, pos + 3, 10), 10);
      pos += 13;
    } else if (dp < 15) {
      delta += signed(peek(b, pos + 4, 20), 20);
      pos += 24;
    } else {
      delta += floatFromWords(peek32(b, pos + 4, 32), peek32(b, pos + 36, 32));
      pos += 68;
    }
    t += delta;
    // Value: 0 same, 10 XOR in the window, 110 XOR with a new window, 111 decimal step.
    const vp = peek(b, pos, 3);
    if (vp < 4) pos += 1;
    else if (vp < 7) {
      if (vp === 6) {
        leading = peek(b, pos + 3, 5);
        trailing = 64 - leading - (peek(b, pos + 8, 6) || 64);
        pos += 14;
      } else pos += 2;
      const significant = 64 - leading - trailing;
      const xHi = significant > 32 ? peek32(b, pos, significant - 32) : 0;
      const xLo = peek32(b, significant > 32 ? pos + significant - 32 : pos, significant > 32 ? 32 : significant);
      pos += significant;
      hi = (hi ^ shiftedHigh(xHi, xLo, trailing)) >>> 0;
      lo = (lo ^ shiftedLow(xLo, trailing)) >>> 0;
      v = floatFromWords(hi, lo);
    } else {
      if (bitAt(b, pos + 3) === 1) {
        scale = peek(b, pos + 4, 4);
        pos += 8;
      } else pos += 4;
      const zigWidth = DECIMAL_WIDTHS[peek(b, pos, 2)]!;
      const zigzag = peekWide(b, pos + 2, zigWidth);
      pos += 2 + zigWidth;
      const m = POW10[scale]!;
      // Small zigzags take integer ops: `%` on a double is a slow floating-point modulus.
      const odd = zigWidth <= 24 ? zigzag & 1 : zigzag % 2;
      v = (Math.round(v * m) + (odd === 0 ? zigzag / 2 : -(zigzag + 1) / 2)) / m;
      // Move the XOR window as the encoder did (see writeValue).
      const nextHi = floatHigh(v);
      const nextLo = lastFloatLow();
      const xHi = (nextHi ^ hi) >>> 0;
      const xLo = (nextLo ^ lo) >>> 0;
      const lead = Math.min(31, leadingZeros64(xHi, xLo));
      const trail = trailingZeros64(xHi, xLo);
      if (leading === NO_WINDOW || lead < leading || trail < trailing) {
        leading = lead;
        trailing = trail;
      }
      hi = nextHi;
      lo = nextLo;
    }
    if (pos > limit) throw new Error(ENDS_EARLY);
    timestamps[offset + i] = t;
    values[offset + i] = v;
  }
  return { count: total, bitPosition: pos, t, v, delta, hi, lo, leading, trailing, scale };
}

/** Decodes every sample of a chunk into the arrays from `offset`; returns the count written. */
export function decodeXorInto(bytes: Uint8Array, timestamps: Float64Array, values: Float64Array, offset: number): number {
  return decodeXor(bytes, timestamps, values, offset).count;
}

/** Sample count from a chunk's header without decoding it. */
export function chunkSampleCount(bytes: Uint8Array): number {
  return ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
}
