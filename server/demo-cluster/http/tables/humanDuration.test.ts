import { describe, expect, test } from "vitest";
import { ageSince, humanDuration } from "./humanDuration";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration", () => {
  test("matches apimachinery's HumanDuration at each boundary", () => {
    expect(humanDuration(-500)).toBe("0s");
    expect(humanDuration(-3 * s)).toBe("<invalid>");
    expect(humanDuration(119 * s)).toBe("119s");
    expect(humanDuration(2 * m)).toBe("2m");
    expect(humanDuration(5 * m + 7 * s)).toBe("5m7s");
    expect(humanDuration(45 * m)).toBe("45m");
    expect(humanDuration(3 * h + 20 * m)).toBe("3h20m");
    expect(humanDuration(9 * h)).toBe("9h");
    expect(humanDuration(3 * d + 4 * h)).toBe("3d4h");
    expect(humanDuration(30 * d)).toBe("30d");
    expect(humanDuration(800 * d)).toBe("2y70d");
    expect(humanDuration(9 * 365 * d)).toBe("9y");
  });

  test("ageSince answers <unknown> without a timestamp", () => {
    expect(ageSince(undefined, Date.now())).toBe("<unknown>");
    expect(ageSince("2025-01-01T00:00:00Z", Date.parse("2025-01-01T00:01:30Z"))).toBe("90s");
  });
});
