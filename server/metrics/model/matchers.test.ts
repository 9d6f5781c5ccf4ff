import { describe, expect, test } from "vitest";
import type { LabelMatcher } from "../storage";
import { compileMatcher } from "./matchers";

function check(type: LabelMatcher["type"], value: string, input: string): boolean {
  return compileMatcher({ type, name: "x", value })(input);
}

describe("compileMatcher", () => {
  test("equality and inequality, empty meaning absent", () => {
    expect(check("=", "a", "a")).toBe(true);
    expect(check("=", "", "")).toBe(true);
    expect(check("!=", "", "")).toBe(false);
    expect(check("!=", "a", "")).toBe(true);
  });

  test("fast paths agree with the regex engine", () => {
    const patterns = [".*", ".+", "foo", "foo|bar|", "foo.*", ".*bar", ".*oo.*", "a\\.b", "fo+", "(foo)", "f.o|bar.*", "|a"];
    const inputs = ["", "foo", "bar", "foobar", "xfoo", "a.b", "axb", "fooo", "f\no", "bar\n", "a"];
    for (const pattern of patterns) {
      const fast = compileMatcher({ type: "=~", name: "x", value: pattern });
      const slow = new RegExp(`^(?:${pattern})$`, "su");
      for (const input of inputs) expect([pattern, input, fast(input)]).toEqual([pattern, input, slow.test(input)]);
    }
  });

  test("negated regex", () => {
    expect(check("!~", "foo|bar", "foo")).toBe(false);
    expect(check("!~", "foo|bar", "")).toBe(true);
    expect(check("!~", ".+", "")).toBe(true);
  });

  test("a bad regex throws a clear error", () => {
    expect(() => compileMatcher({ type: "=~", name: "x", value: "(" })).toThrow(/invalid regular expression/);
  });
});
