// Seeded pseudo-random numbers and hashes, so a seed always yields the same cluster.

/** Kubernetes' name-suffix alphabet (no vowels, no look-alike digits). */
export const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** FNV-1a over a string, 32-bit unsigned. */
export function fnv32a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines a seed with an integer (murmur3 finaliser), so each index gets its own stream. */
export function mixSeed(seed: number, value: number): number {
  let h = (seed ^ Math.imul(value + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable number in [0, 1) for a key: the same key always gives the same value. */
export function unitHash(...parts: (string | number)[]): number {
  return fnv32a(parts.join("\u0000")) / 4294967296;
}

/** Like Kubernetes' rand.SafeEncodeString: maps each character onto the safe alphabet. */
export function safeEncode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** A generateName-style suffix, e.g. "x7k2q". */
  suffix(length = 5): string {
    let out = "";
    for (let i = 0; i < length; i++) out += SAFE_ALPHABET[Math.floor(this.next() * SAFE_ALPHABET.length)];
    return out;
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** A random (version 4 shaped) UUID from this stream. */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
