import { describe, expect, test } from "vitest";
import { parseLogQuery } from "./logQuery";

const now = Date.parse("2025-03-01T10:00:00Z");
const parse = (query: string) => parseLogQuery(new URLSearchParams(query), "web-1", now);

describe("parseLogQuery", () => {
  test("reads kubectl's parameters", () => {
    expect(parse("container=app&follow=true&tailLines=20&timestamps=1&previous=false&limitBytes=500")).toEqual({
      container: "app", follow: true, previous: false, timestamps: true, tailLines: 20, sinceMs: undefined, limitBytes: 500,
    });
  });

  test("turns sinceSeconds and sinceTime into an absolute time", () => {
    expect(parse("sinceSeconds=60").sinceMs).toBe(now - 60_000);
    expect(parse("sinceTime=2025-03-01T09:30:00Z").sinceMs).toBe(now - 30 * 60_000);
  });

  test("rejects what the apiserver rejects, with its messages", () => {
    expect(() => parse("tailLines=-1")).toThrowError(expect.objectContaining({ code: 422, message: 'PodLogOptions "web-1" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0' }));
    expect(() => parse("sinceSeconds=5&sinceTime=2025-03-01T09:30:00Z")).toThrowError(/at most one of `sinceTime` or `sinceSeconds`/);
    expect(() => parse("limitBytes=0")).toThrowError(/limitBytes: Invalid value: 0/);
    expect(() => parse("follow=yes")).toThrowError(expect.objectContaining({ code: 400 }));
    expect(() => parse("tailLines=ten")).toThrowError(expect.objectContaining({ code: 400 }));
    expect(() => parse("sinceTime=yesterday")).toThrowError(expect.objectContaining({ code: 400 }));
  });
});
