import { describe, expect, test } from "vitest";
import { formatBytes, formatMillicores } from "./usage";

describe("formatMillicores", () => {
  test("writes millicores below a core and cores above", () => {
    expect(formatMillicores(250)).toBe("250m");
    expect(formatMillicores(1500)).toBe("1.5");
    expect(formatMillicores(0)).toBe("0");
  });
});

describe("formatBytes", () => {
  test("uses the largest binary unit, one decimal below 100", () => {
    expect(formatBytes(118 * 2 ** 20)).toBe("118 MiB");
    expect(formatBytes(1.5 * 2 ** 30)).toBe("1.5 GiB");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(0)).toBe("0 B");
  });

  test("never shows 1024 of a unit", () => {
    expect(formatBytes(1024 * 1024 - 100)).toBe("1 MiB");
  });
});
