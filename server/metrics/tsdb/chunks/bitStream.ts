/** Appends bits most-significant first to a growable byte buffer (xorDecoder.ts reads them back). */
export class BitWriter {
  bytes: Uint8Array;
  /** Number of bits written so far. */
  bitLength: number;

  constructor(initialBytes = 32) {
    this.bytes = new Uint8Array(initialBytes);
    this.bitLength = 0;
  }

  /** Writes the low `count` bits of `value` (count ≤ 32). */
  writeBits(value: number, count: number): void {
    this.ensure(count);
    let left = count;
    while (left > 0) {
      const index = this.bitLength >>> 3;
      const free = 8 - (this.bitLength & 7);
      const take = free < left ? free : left;
      const bits = (value >>> (left - take)) & ((1 << take) - 1);
      this.bytes[index] = this.bytes[index]! | (bits << (free - take));
      this.bitLength += take;
      left -= take;
    }
  }

  writeBit(bit: boolean): void {
    this.writeBits(bit ? 1 : 0, 1);
  }

  /** Writes the low `count` bits (≤ 64) of the 64-bit number hi:lo. */
  writeBits64(hi: number, lo: number, count: number): void {
    if (count > 32) {
      this.writeBits(hi, count - 32);
      this.writeBits(lo, 32);
    } else {
      this.writeBits(lo, count);
    }
  }

  byteLength(): number {
    return (this.bitLength + 7) >>> 3;
  }

  private ensure(extraBits: number): void {
    const needed = (this.bitLength + extraBits + 7) >>> 3;
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes);
    this.bytes = grown;
  }
}
