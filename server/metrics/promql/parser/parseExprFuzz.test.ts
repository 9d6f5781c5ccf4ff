import { describe, expect, test } from "vitest";
import { PromQLError } from "../values";
import { formatExpr } from "./formatExpr";
import { parseExpr } from "./parseExpr";

const PIECES = [
  "foo", "bar", "sum", "rate", "(", ")", "[", "]", "{", "}", "5m", ":", "1m", ",", '"a"', "'b'", "=", "!=", "=~", "!~", "+", "-",
  "*", "/", "^", "==", "> bool", "and", "or", "on", "(x)", "by", "without", "group_left", "offset", "@", "start()", "1", "-2.5",
  "0x1F", "NaN", "Inf", "anchored", "smoothed", "fill(0)", "step()", "min_of", "job", "#c\n", " ", "\n", "topk", "label_replace", "`r`",
];

/** A small deterministic generator (mulberry32) so a failing input can be replayed from its index. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomQuery(random: () => number): string {
  const length = 1 + Math.floor(random() * 12);
  return Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join("");
}

describe("parseExpr on arbitrary input", () => {
  test("returns a tree or a positioned bad_data error, never anything else", () => {
    const random = randomFrom(11);
    const surprises: { query: string; error: string }[] = [];
    let parsed = 0;
    for (let i = 0; i < 2000; i++) {
      const query = randomQuery(random);
      let formatted: string | undefined;
      try {
        formatted = formatExpr(parseExpr(query));
      } catch (err) {
        const expected = err instanceof PromQLError && err.type === "bad_data" && /^\d+:\d+: parse error: /.test(err.message);
        if (!expected) surprises.push({ query, error: String(err) });
      }
      if (formatted !== undefined) {
        parsed++;
        try {
          parseExpr(formatted);
        } catch (err) {
          surprises.push({ query: formatted, error: `formatted text does not parse: ${String(err)}` });
        }
      }
    }
    expect(surprises.slice(0, 10)).toEqual([]);
    expect(parsed).toBeGreaterThan(100);
  });
});
