import { describe, expect, test } from "vitest";
import { backend } from "./backend";
import { parseScript } from "./parseScript";
import { runScript } from "./runScript";

const LIMITS = { timeoutMs: 5_000, maxSamples: 10_000 };

async function run(text: string) {
  return runScript("inline.test", parseScript(text), backend, LIMITS);
}

describe("runScript against the store and engine", () => {
  test("loads points at multiples of the interval and passes a matching eval", async () => {
    const { cases } = await run(`load 1m
  m{a="1"} 1+1x4

eval instant at 2m m
  m{a="1"} 3

eval range from 0 to 4m step 2m m
  m{a="1"} 1 3 5
`);
    expect(cases.map((c) => [c.line, c.failure])).toEqual([
      [4, null],
      [7, null],
    ]);
  });

  test("records a wrong expectation with the file line, the query and both values", async () => {
    const { cases } = await run("load 1m\n  m 1 2\n\neval instant at 1m m\n  m 5\n");
    expect(cases[0]).toMatchObject({ file: "inline.test", line: 4, query: "m", category: "float" });
    expect(cases[0]!.failure).toMatch(/expected 5 for m but got 2/);
  });

  test("a stale marker ends the series, and clear empties the store", async () => {
    const { cases } = await run("load 1m\n  m 1 stale\n\neval instant at 1m m\n\nclear\n\neval instant at 0 m\n");
    expect(cases.map((c) => c.failure)).toEqual([null, null]);
  });

  test("an engine error is a failure unless the eval expects it", async () => {
    const { cases } = await run("eval instant at 0 sum(\n\neval instant at 0 sum(\n  expect fail\n");
    expect(cases[0]!.failure).toMatch(/^error evaluating query: /);
    expect(cases[1]!.failure).toBeNull();
  });

  test("a histogram loaded under the queried name makes the case a native-histogram one", async () => {
    const { cases } = await run("load 1m\n  h {{schema:0 count:1 sum:1 buckets:[1]}}\n\neval instant at 0 h\n  h {{schema:0 count:1 sum:1 buckets:[1]}}\n");
    expect(cases[0]).toMatchObject({ category: "native-histogram" });
  });
});
