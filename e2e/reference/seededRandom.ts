import { Rng } from "@/server/demo-cluster/simulation/random";

/** A seeded generator (the demo cluster's mulberry32): the same seed gives the same data and expressions. */
export class SeededRandom extends Rng {
  constructor(readonly seed: number) {
    super(seed);
  }

  /** Up to `max` distinct items, in their original order. */
  subset<T>(items: readonly T[], max: number): T[] {
    const chosen = new Set<number>();
    const want = this.int(1, Math.min(max, items.length));
    while (chosen.size < want) chosen.add(this.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }

  /** Picks by weight: [[weight, value], ...]. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [w, value] of choices) {
      if ((r -= w) < 0) return value;
    }
    return choices[choices.length - 1]![1];
  }
}

/** The seed from PROMQL_DIFF_SEED when set (to replay a failure), else a fresh one. */
export function chooseSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.PROMQL_DIFF_SEED;
  if (given !== undefined && given !== "") {
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`PROMQL_DIFF_SEED must be an integer from 0 to 4294967295, got ${given}`);
    return seed;
  }
  return Math.floor(Math.random() * 0xffffffff);
}
