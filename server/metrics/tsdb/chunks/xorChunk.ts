import { BitWriter } from "./bitStream";
import * as decimal from "./decimalDelta";
import * as bits from "./floatBits";
import { chunkSampleCount, decodeXor } from "./xorDecoder";
import { HEADER_BITS, NO_WINDOW } from "./xorFormat";

// Bound once: CommonJS transforms (tsx, vitest's SSR) turn every call of an imported function into
// a getter call on the module object, which costs more than the decoding itself in these loops.
const { decimalStep, writeDecimalStep } = decimal;
const { floatHigh, lastFloatLow, leadingZeros64, trailingZeros64 } = bits;

export { MAX_CHUNK_SAMPLES } from "./xorFormat";
export { chunkSampleCount, decodeXor, decodeXorInto, type XorState } from "./xorDecoder";

/**
 * Delta-of-delta buckets for timestamps: [prefix bits, prefix length, payload bits].
 * A 4-bit first bucket keeps a few milliseconds of scrape jitter to 6 bits.
 */
const DOD_BUCKETS: readonly (readonly [number, number, number])[] = [
  [0b10, 2, 4],
  [0b110, 3, 10],
  [0b1110, 4, 20],
];

function fitsBucket(dod: number, bits: number): boolean {
  const half = 1 << (bits - 1);
  return dod >= -(half - 1) && dod <= half;
}

/**
 * The open chunk of one series: Gorilla timestamps (delta of delta) and values, each value as the
 * cheaper of an XOR with the previous (Gorilla) or a decimal delta (see decimalDelta.ts).
 * Value prefixes: 0 same, 10 XOR in the previous window, 110 XOR with a new window,
 * 1110 decimal delta at the current scale, 1111 + 4-bit scale then a decimal delta.
 */
export class XorAppender extends BitWriter {
  count = 0;
  lastT = 0;
  private lastDelta = 0;
  private hi = 0;
  private lo = 0;
  private leading = NO_WINDOW;
  private trailing = 0;
  private scale = 0;
  private lastValue = 0;

  constructor() {
    super(40);
    this.bitLength = HEADER_BITS;
  }

  /** Reopens a chunk written earlier so appends continue where it ended. */
  static resume(bytes: Uint8Array): XorAppender {
    const appender = new XorAppender();
    const count = chunkSampleCount(bytes);
    const end = decodeXor(bytes, new Float64Array(count), new Float64Array(count), 0);
    appender.bytes = new Uint8Array(Math.max(40, bytes.length * 2));
    appender.bytes.set(bytes);
    appender.count = count;
    appender.bitLength = end.bitPosition;
    appender.lastT = end.t;
    appender.lastDelta = end.delta;
    appender.hi = end.hi;
    appender.lo = end.lo;
    appender.leading = end.leading;
    appender.trailing = end.trailing;
    appender.scale = end.scale;
    appender.lastValue = end.v;
    return appender;
  }

  append(t: number, v: number): void {
    if (this.count === 0) {
      writeTimestamp(this, t);
      this.hi = floatHigh(v);
      this.lo = lastFloatLow();
      this.writeBits(this.hi, 32);
      this.writeBits(this.lo, 32);
      this.lastValue = v;
    } else {
      const delta = t - this.lastT;
      this.writeDeltaOfDelta(delta - this.lastDelta);
      this.lastDelta = delta;
      this.writeValue(v);
    }
    this.lastT = t;
    this.count++;
    this.bytes[0] = this.count >>> 8;
    this.bytes[1] = this.count & 0xff;
  }

  /** An exact-size copy of the chunk's bytes. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.byteLength());
  }

  /** The bytes written so far without copying (valid until the next append). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.byteLength());
  }

  private writeDeltaOfDelta(dod: number): void {
    if (dod === 0) {
      this.writeBits(0, 1);
      return;
    }
    for (const [prefix, prefixLength, bits] of DOD_BUCKETS) {
      if (fitsBucket(dod, bits)) {
        this.writeBits(prefix, prefixLength);
        this.writeBits(dod & ((1 << bits) - 1), bits);
        return;
      }
    }
    this.writeBits(0b1111, 4);
    this.writeBits(floatHigh(dod), 32);
    this.writeBits(lastFloatLow(), 32);
  }

  private writeValue(v: number): void {
    const prev = this.lastValue;
    const hi = floatHigh(v);
    const lo = lastFloatLow();
    const xHi = (hi ^ this.hi) >>> 0;
    const xLo = (lo ^ this.lo) >>> 0;
    this.hi = hi;
    this.lo = lo;
    this.lastValue = v;
    if (xHi === 0 && xLo === 0) {
      this.writeBits(0, 1);
      return;
    }
    const leading = Math.min(31, leadingZeros64(xHi, xLo));
    const trailing = trailingZeros64(xHi, xLo);
    const reuse = this.leading !== NO_WINDOW && leading >= this.leading && trailing >= this.trailing;
    const xorBits = reuse ? 2 + 64 - this.leading - this.trailing : 3 + 11 + 64 - leading - trailing;
    const step = decimalStep(prev, v, this.scale);
    if (step && (step.scale === this.scale ? 4 : 8) + step.bits < xorBits) {
      if (step.scale === this.scale) this.writeBits(0b1110, 4);
      else {
        this.writeBits(0b1111, 4);
        this.writeBits(step.scale, 4);
        this.scale = step.scale;
      }
      writeDecimalStep(this, step);
      // The decoder moves the window the same way, so later XORs are priced as if this one had been written.
      if (!reuse) {
        this.leading = leading;
        this.trailing = trailing;
      }
    } else if (reuse) {
      this.writeBits(0b10, 2);
      writeShifted(this, xHi, xLo, this.trailing, 64 - this.leading - this.trailing);
    } else {
      this.leading = leading;
      this.trailing = trailing;
      const significant = 64 - leading - trailing;
      this.writeBits(0b110, 3);
      this.writeBits(leading, 5);
      this.writeBits(significant & 63, 6);
      writeShifted(this, xHi, xLo, trailing, significant);
    }
  }
}

/** The first timestamp as a 6-bit width and that many bits (41 for today's epoch millis), or 63 + float bits when negative. */
function writeTimestamp(writer: BitWriter, t: number): void {
  if (t < 0 || t >= 2 ** 53) {
    writer.writeBits(63, 6);
    writer.writeBits(floatHigh(t), 32);
    writer.writeBits(lastFloatLow(), 32);
    return;
  }
  // log2 may round up near a power of two, which only costs one more bit.
  const width = t === 0 ? 0 : Math.floor(Math.log2(t)) + 1;
  writer.writeBits(width, 6);
  writer.writeBits64(Math.floor(t / 2 ** 32), t >>> 0, width);
}

function writeShifted(writer: BitWriter, hi: number, lo: number, shift: number, count: number): void {
  if (shift === 0) writer.writeBits64(hi, lo, count);
  else if (shift < 32) writer.writeBits64(hi >>> shift, ((lo >>> shift) | (hi << (32 - shift))) >>> 0, count);
  else writer.writeBits64(0, hi >>> (shift - 32), count);
}
