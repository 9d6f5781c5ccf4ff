import { describe, expect, test } from "vitest";
import { MAX_TIME, MIN_TIME, parseDuration, parseLimit, parseTime, readParams } from "./params";

describe("parseTime", () => {
  test("reads unix seconds with decimals to the millisecond", () => {
    expect(parseTime("1435781451.781", "time")).toBe(1435781451781);
    expect(parseTime("1435781451", "time")).toBe(1435781451000);
    expect(parseTime("0.0005", "time")).toBe(1);
    expect(parseTime("-1.5", "time")).toBe(-1500);
    expect(parseTime("1e3", "time")).toBe(1_000_000);
  });

  test("reads RFC 3339 with fractions and offsets", () => {
    expect(parseTime("2015-07-01T20:10:51.781Z", "time")).toBe(1435781451781);
    expect(parseTime("2015-07-01T22:10:51.7819999+02:00", "time")).toBe(1435781451781);
    expect(parseTime("2015-07-01T20:10:51Z", "time")).toBe(1435781451000);
  });

  test("knows Prometheus's spellings of the earliest and latest time", () => {
    expect(parseTime("-292275055-05-16T16:47:04.192Z", "start")).toBe(MIN_TIME);
    expect(parseTime("292277025-08-18T07:12:54.999Z", "end")).toBe(MAX_TIME);
  });

  test.each(["abc", "2015-02-31T00:00:00Z", "2015-07-01 20:10:51Z", "", "NaN", "Inf", "1e400"])("refuses %j in Prometheus's words", (text) => {
    expect(() => parseTime(text, "start")).toThrow(`invalid parameter "start": cannot parse ${JSON.stringify(text)} to a valid timestamp`);
  });
});

describe("parseDuration", () => {
  test("reads float seconds and Prometheus durations as milliseconds", () => {
    expect(parseDuration("15", "step")).toBe(15_000);
    expect(parseDuration("0.5", "step")).toBe(500);
    expect(parseDuration("1h30m", "step")).toBe(5_400_000);
    expect(parseDuration("1d2ms", "step")).toBe(86_400_002);
    expect(parseDuration("-3", "step")).toBe(-3000);
  });

  test("refuses units out of order, unknown units and overflow", () => {
    expect(() => parseDuration("30m1h", "step")).toThrow('invalid parameter "step": cannot parse "30m1h" to a valid duration');
    expect(() => parseDuration("5x", "timeout")).toThrow('invalid parameter "timeout": cannot parse "5x" to a valid duration');
    expect(() => parseDuration("1e20", "step")).toThrow("It overflows int64");
  });
});

describe("parseLimit", () => {
  const params = (value: string) => ({ get: () => value, getAll: () => [value] });
  test("accepts whole numbers and refuses negative or other text", () => {
    expect(parseLimit(params("10"))).toBe(10);
    expect(() => parseLimit(params("-1"))).toThrow('invalid parameter "limit": limit must be non-negative');
    expect(() => parseLimit(params("ten"))).toThrow('invalid parameter "limit"');
  });
});

describe("readParams", () => {
  test("reads a form body before the URL's parameters, and every match[]", async () => {
    const req = new Request("http://x/api?query=up&match[]=a", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "query=sum(up)&match%5B%5D=b",
    });
    const params = await readParams(req);
    expect(params.get("query")).toBe("sum(up)");
    expect(params.getAll("match[]")).toEqual(["b", "a"]);
  });

  test("ignores a body that is not a form, and treats empty values as absent", async () => {
    const req = new Request("http://x/api?time=", { method: "POST", headers: { "content-type": "application/json" }, body: "query=up" });
    const params = await readParams(req);
    expect(params.get("query")).toBeUndefined();
    expect(params.get("time")).toBeUndefined();
  });
});
