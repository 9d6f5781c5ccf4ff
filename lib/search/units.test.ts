import { describe, expect, test } from "vitest";
import { parseCpuMillicores, parseMemoryBytes, parseRestartCount } from "./units";

const Ki = 1024;
const Mi = 1024 ** 2;
const Gi = 1024 ** 3;

describe("parseMemoryBytes", () => {
  test.each<[string, number]>([
    ["512", 512],
    ["512B", 512],
    ["100Mi", 100 * Mi],
    ["100MiB", 100 * Mi],
    ["1.5Gi", 1.5 * Gi],
    ["100M", 100 * Mi],
    ["100m", 100 * Mi],
    ["100MB", 100 * Mi],
    ["100mb", 100 * Mi],
    ["2k", 2 * Ki],
    ["2KB", 2 * Ki],
    ["1G", Gi],
    ["1T", 1024 ** 4],
    ["1e9", 1e9],
  ])("reads %s as %d bytes", (text, bytes) => {
    expect(parseMemoryBytes(text)).toEqual({ ok: true, value: bytes });
  });

  test.each(["100X", "100ki", "100Mx", "1.2.3", "Mi"])("rejects %s", (text) => {
    expect(parseMemoryBytes(text).ok).toBe(false);
  });
});

describe("parseCpuMillicores", () => {
  test.each<[string, number]>([
    ["250m", 250],
    ["333m", 333],
    ["1", 1000],
    ["0.5", 500],
    ["1.5", 1500],
    ["500000u", 500],
  ])("reads %s as %d millicores", (text, millicores) => {
    expect(parseCpuMillicores(text)).toEqual({ ok: true, value: millicores });
  });

  test("rejects percentages with a hint", () => {
    expect(parseCpuMillicores("50%")).toMatchObject({ ok: false, hint: "use cores (0.5) or millicores (500m)" });
  });

  test("rejects a negative amount", () => {
    expect(parseCpuMillicores("-1").ok).toBe(false);
  });
});

describe("parseRestartCount", () => {
  test("reads whole numbers only", () => {
    expect(parseRestartCount("12")).toEqual({ ok: true, value: 12 });
    expect(parseRestartCount("1k").ok).toBe(false);
  });
});
