import { expect, test } from "vitest";
import { criLine } from "./realTarget";

test("criLine writes one full CRI log line with a nanosecond UTC time", () => {
  expect(criLine(new Date("2026-11-22T01:02:03.456Z"), "hello world")).toBe("2026-11-22T01:02:03.456000000Z stdout F hello world\n");
});
