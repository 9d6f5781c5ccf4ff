import { describe, expect, test } from "vitest";
import { formatLabels, formatLabelSelector, matchesLabels, parseLabelSelector } from "./labelSelector";

const matches = (selector: string, labels: Record<string, string>) => matchesLabels(parseLabelSelector(selector), labels);

describe("parseLabelSelector", () => {
  test("supports equality, inequality and double equals", () => {
    expect(matches("app=web", { app: "web" })).toBe(true);
    expect(matches("app==web", { app: "api" })).toBe(false);
    expect(matches("app!=web", { app: "api" })).toBe(true);
    expect(matches("app!=web", {})).toBe(true);
  });

  test("supports set-based requirements with commas inside parentheses", () => {
    expect(matches("tier in (front, back),env notin (prod)", { tier: "back", env: "dev" })).toBe(true);
    expect(matches("tier in (front,back)", { tier: "db" })).toBe(false);
    expect(matches("env notin (prod)", {})).toBe(true);
  });

  test("supports existence and absence", () => {
    expect(matches("canary", { canary: "" })).toBe(true);
    expect(matches("!canary", { canary: "yes" })).toBe(false);
    expect(matches("!canary,app", { app: "x" })).toBe(true);
  });

  test("supports numeric comparisons", () => {
    expect(matches("weight>5", { weight: "7" })).toBe(true);
    expect(matches("weight<5", { weight: "7" })).toBe(false);
  });

  test("an empty selector matches everything", () => {
    expect(parseLabelSelector("")).toEqual([]);
    expect(matches("", {})).toBe(true);
  });

  test("rejects malformed selectors with 400", () => {
    expect(() => parseLabelSelector("app in (web")).toThrowError(expect.objectContaining({ code: 400 }));
    expect(() => parseLabelSelector("a=b,,c=d")).toThrowError(expect.objectContaining({ code: 400 }));
    expect(() => parseLabelSelector("bad key=x")).toThrowError(/unable to parse requirement/);
  });
});

describe("formatLabelSelector", () => {
  test("sorts by key like kubectl's SELECTOR column", () => {
    expect(formatLabelSelector({ matchLabels: { tier: "web", app: "shop" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod", "dev"] }] })).toBe("app=shop,env in (dev,prod),tier=web");
    expect(formatLabelSelector(undefined)).toBe("<none>");
    expect(formatLabelSelector({})).toBe("<none>");
  });

  test("formatLabels prints <none> for no labels", () => {
    expect(formatLabels({ b: "2", a: "1" })).toBe("a=1,b=2");
    expect(formatLabels(undefined)).toBe("<none>");
  });
});
