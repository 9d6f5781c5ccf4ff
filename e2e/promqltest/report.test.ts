import { describe, expect, test } from "vitest";
import { floatPassRate, formatFailures, formatSummary } from "./report";
import type { CaseResult } from "./runScript";

const cases: CaseResult[] = [
  { file: "a.test", line: 3, query: "m", category: "float", failure: null },
  { file: "a.test", line: 7, query: "rate(m[1m])", category: "float", failure: "expected 2 for m but got 3" },
  { file: "b.test", line: 9, query: "h", category: "native-histogram", failure: null },
];

describe("report", () => {
  test("the summary line counts float and native-histogram cases apart", () => {
    expect(formatSummary(cases)).toBe("promqltest float: 1/2 passed; native-histogram: 1/1 passed");
    expect(floatPassRate(cases)).toBe(50);
  });

  test("the failures file names each failing case by file:line with its query and reason", () => {
    expect(formatFailures(cases, ["a.test:1: load refused samples: 1 out_of_order"])).toBe(
      "a.test:7 [float]\n  query: rate(m[1m])\n  expected 2 for m but got 3\n\nload notes:\n  a.test:1: load refused samples: 1 out_of_order\n",
    );
  });
});
