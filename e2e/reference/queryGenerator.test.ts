import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FUNCTIONS } from "./functionSignatures";
import { QueryGenerator } from "./queryGenerator";
import { ReferenceEngine } from "./referenceEngine";
import { SeededRandom } from "./seededRandom";

function generate(seed: number, count: number): string[] {
  const generator = new QueryGenerator(new SeededRandom(seed));
  return Array.from({ length: count }, () => generator.expression());
}

describe("QueryGenerator", () => {
  let reference: ReferenceEngine;
  beforeAll(async () => {
    reference = await ReferenceEngine.start();
  });
  afterAll(async () => {
    await reference?.stop();
  });

  test("every generated expression parses in Prometheus's engine", async () => {
    const refused: string[] = [];
    for (const expr of generate(20261207, 2_000)) {
      const outcome = await reference.instantQuery(expr, 1_800_000);
      if (!outcome.ok && outcome.errorType === "bad_data") refused.push(`${expr}\n  ${outcome.message}`);
    }
    expect(refused.slice(0, 10).join("\n")).toBe("");
  });

  test("the same seed gives the same expressions, another seed others", () => {
    expect(generate(42, 50)).toEqual(generate(42, 50));
    expect(generate(43, 50)).not.toEqual(generate(42, 50));
  });

  test("2,000 expressions cover every function, matcher type, matching modifier and time modifier", () => {
    const text = generate(7, 2_000).join("\n");
    const missingFunctions = FUNCTIONS.map((f) => f.name).filter((name) => !new RegExp(`\\b${name}\\(`).test(text));
    expect(missingFunctions).toEqual([]);
    const constructs = [
      "=\"", "!=\"", "=~\"", "!~\"", " by (", " without (", " on (", " ignoring (", "group_left", "group_right", " bool ",
      " and ", " or ", " unless ", " offset ", " offset -", " @ ", "@ start()", "@ end()", ":]", "topk", "bottomk",
      "quantile ", "count_values", "limitk", "label_replace(", "label_join(", "sort_by_label", "stddev", "stdvar", "group",
    ];
    expect(constructs.filter((c) => !text.includes(c))).toEqual([]);
    expect(text).toMatch(/\[\d+[smh]:\d+[smh]\]/);
  });
});
