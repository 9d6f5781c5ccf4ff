import { describe, expect, test } from "vitest";
import { Tally } from "./tally";

describe("Tally", () => {
  test("counts passes per target, real skips, and the whole differences table", () => {
    const difference = { id: "b", target: "real" as const, reason: "because" };
    const tally = new Tally(3, [difference]);
    tally.pass("demo", "a");
    tally.pass("demo", "a");
    tally.pass("demo", "b");
    tally.pass("real", "a");
    tally.skip("real", "b");
    tally.differenceHolds(difference);
    expect(tally.summaryLine()).toBe("CONTRACT expectations=3 demo_passed=2 real_passed=1 real_skipped=1 differences=1");
    expect(tally.differenceLines()).toEqual(["DIFFERENCE real b (still differs): because"]);
  });
});
