/** Appends bits most-significant first to a growable byte buffer. */
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

/** Reads bits most-significant first; reading past the end throws. */
export class BitReader {
  position: number;
  private readonly limit: number;

  constructor(
    private readonly bytes: Uint8Array,
    startBit = 0,
  ) {
    this.position = startBit;
    this.limit = bytes.length * 8;
  }

  /** Reads `count` (≤ 32) bits as an unsigned number. */
  readBits(count: number): number {
    if (count > 24) return this.readBits(count - 16) * 65536 + this.readBits(16);
    const position = this.position;
    if (position + count > this.limit) throw new Error("chunk data ends early");
    const b = this.bytes;
    const at = position >>> 3;
    // Four bytes always cover 24 bits from any bit offset inside the first one.
    const word = (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
    this.position = position + count;
    return (word >>> (32 - (position & 7) - count)) & ((1 << count) - 1);
  }

  readBit(): boolean {
    const position = this.position;
    if (position >= this.limit) throw new Error("chunk data ends early");
    this.position = position + 1;
    return ((this.bytes[position >>> 3]! >>> (7 - (position & 7))) & 1) === 1;
  }
}
