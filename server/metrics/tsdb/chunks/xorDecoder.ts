import { BitReader } from "./bitStream";
import * as decimal from "./decimalDelta";
import * as bits from "./floatBits";
import { HEADER_BITS, NO_WINDOW } from "./xorFormat";

// Bound once: CommonJS transforms (tsx, vitest's SSR) turn every call of an imported function into
// a getter call on the module object, which costs more than the decoding itself in these loops.
const { readDecimalStep } = decimal;
const { floatFromWords, floatHigh, lastFloatLow, leadingZeros64, trailingZeros64 } = bits;

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

/**
 * Decodes every sample of a chunk into the arrays from `offset` and returns the final state.
 * One function with local state, since this loop is where queries spend their time.
 */
export function decodeXor(bytes: Uint8Array, timestamps: Float64Array, values: Float64Array, offset: number): XorState {
  if (bytes.length < 2) throw new Error("chunk shorter than its header");
  const total = (bytes[0]! << 8) | bytes[1]!;
  const r = new BitReader(bytes, HEADER_BITS);
  const state: XorState = { count: total, bitPosition: 0, t: 0, v: 0, delta: 0, hi: 0, lo: 0, leading: NO_WINDOW, trailing: 0, scale: 0 };
  if (total === 0) return { ...state, bitPosition: r.position };
  let t = readTimestamp(r);
  state.hi = r.readBits(32);
  state.lo = r.readBits(32);
  let v = floatFromWords(state.hi, state.lo);
  let delta = 0;
  timestamps[offset] = t;
  values[offset] = v;
  for (let i = 1; i < total; i++) {
    delta += readDeltaOfDelta(r);
    t += delta;
    if (r.readBit()) {
      if (!r.readBit()) {
        readXor(r, state);
        v = floatFromWords(state.hi, state.lo);
      } else if (!r.readBit()) {
        state.leading = r.readBits(5);
        state.trailing = 64 - state.leading - (r.readBits(6) || 64);
        readXor(r, state);
        v = floatFromWords(state.hi, state.lo);
      } else {
        if (r.readBit()) state.scale = r.readBits(4);
        v = readDecimalWords(r, state, v);
      }
    }
    timestamps[offset + i] = t;
    values[offset + i] = v;
  }
  Object.assign(state, { bitPosition: r.position, t, v, delta });
  return state;
}

function readDeltaOfDelta(r: BitReader): number {
  if (!r.readBit()) return 0;
  if (!r.readBit()) return signed(r.readBits(4), 4);
  if (!r.readBit()) return signed(r.readBits(10), 10);
  if (!r.readBit()) return signed(r.readBits(20), 20);
  return floatFromWords(r.readBits(32), r.readBits(32));
}

/** Reads the XOR's meaningful bits in the current window and applies them to the state's hi:lo (no tuple per sample). */
function readXor(r: BitReader, window: XorState): void {
  const significant = 64 - window.leading - window.trailing;
  let xHi = 0;
  let xLo = 0;
  if (significant > 32) {
    xHi = r.readBits(significant - 32);
    xLo = r.readBits(32);
  } else {
    xLo = r.readBits(significant);
  }
  const s = window.trailing;
  if (s >= 32) {
    xHi = s === 64 ? 0 : (xLo << (s - 32)) >>> 0;
    xLo = 0;
  } else if (s > 0) {
    xHi = ((xHi << s) | (xLo >>> (32 - s))) >>> 0;
    xLo = (xLo << s) >>> 0;
  }
  window.hi = (window.hi ^ xHi) >>> 0;
  window.lo = (window.lo ^ xLo) >>> 0;
}

/** Reads a decimal step from `prev`, moves the XOR window as the encoder did (see writeValue) and returns the value. */
function readDecimalWords(r: BitReader, window: XorState, prev: number): number {
  const { hi, lo } = window;
  const v = readDecimalStep(r, prev, window.scale);
  const nextHi = floatHigh(v);
  const nextLo = lastFloatLow();
  const xHi = (nextHi ^ hi) >>> 0;
  const xLo = (nextLo ^ lo) >>> 0;
  const leading = Math.min(31, leadingZeros64(xHi, xLo));
  const trailing = trailingZeros64(xHi, xLo);
  if (window.leading === NO_WINDOW || leading < window.leading || trailing < window.trailing) {
    window.leading = leading;
    window.trailing = trailing;
  }
  window.hi = nextHi;
  window.lo = nextLo;
  return v;
}

/** Reads an n-bit payload of the dod buckets: values run from -(2^(n-1) - 1) to 2^(n-1). */
function signed(raw: number, width: number): number {
  return raw > 1 << (width - 1) ? raw - (1 << width) : raw;
}

/** Decodes every sample of a chunk into the arrays from `offset`; returns the count written. */
export function decodeXorInto(bytes: Uint8Array, timestamps: Float64Array, values: Float64Array, offset: number): number {
  return decodeXor(bytes, timestamps, values, offset).count;
}

/** Sample count from a chunk's header without decoding it. */
export function chunkSampleCount(bytes: Uint8Array): number {
  return ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
}

function readTimestamp(reader: BitReader): number {
  const width = reader.readBits(6);
  if (width === 63) return floatFromWords(reader.readBits(32), reader.readBits(32));
  if (width <= 32) return reader.readBits(width);
  return reader.readBits(width - 32) * 2 ** 32 + reader.readBits(32);
}
