import { describe, expect, test } from "vitest";
import { exportFileName } from "./exportFileName";

describe("exportFileName", () => {
  const now = new Date(2026, 10, 22, 4, 5, 59);

  test("names the view and the local time to the minute", () => {
    expect(exportFileName("pods", "svg", now)).toBe("orrery-topology-pods-2026-11-22T0405.svg");
    expect(exportFileName("hosts", "png", now)).toBe("orrery-topology-hosts-2026-11-22T0405.png");
  });

  test("makes any view text safe for a file name", () => {
    expect(exportFileName(" Shop/Pods: all ", "png", now)).toBe("orrery-topology-shop-pods-all-2026-11-22T0405.png");
    expect(exportFileName("../", "svg", now)).toBe("orrery-topology-map-2026-11-22T0405.svg");
  });
});
