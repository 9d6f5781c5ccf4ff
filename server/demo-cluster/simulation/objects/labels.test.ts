import { describe, expect, test } from "vitest";
import { matchesMap, matchesSelector, parseLabelSelector } from "./labels";

describe("parseLabelSelector", () => {
  const labels = { app: "web", tier: "front", env: "prod" };
  const matches = (text: string) => matchesSelector(parseLabelSelector(text), labels);

  test("handles equality, inequality, sets and existence", () => {
    expect(matches("app=web")).toBe(true);
    expect(matches("app==web,tier=front")).toBe(true);
    expect(matches("app!=web")).toBe(false);
    expect(matches("env in (prod, staging)")).toBe(true);
    expect(matches("env notin (prod)")).toBe(false);
    expect(matches("tier")).toBe(true);
    expect(matches("!canary")).toBe(true);
    expect(matches("!tier")).toBe(false);
  });

  test("an empty selector matches everything", () => {
    expect(matches("")).toBe(true);
  });

  test("rejects garbage", () => {
    expect(() => parseLabelSelector("app=web=x")).toThrow(/unable to parse/);
  });
});

describe("matchesMap", () => {
  test("a Service with no selector selects nothing", () => {
    expect(matchesMap({}, { app: "x" })).toBe(false);
    expect(matchesMap({ app: "x" }, { app: "x", other: "y" })).toBe(true);
  });
});
