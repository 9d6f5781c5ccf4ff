import { describe, expect, test } from "vitest";
import { conditionHealth } from "./conditionHealth";

describe("conditionHealth", () => {
  test("Ready=True is healthy and Ready=False is not", () => {
    expect(conditionHealth("Ready", "True")).toBe("healthy");
    expect(conditionHealth("Ready", "False")).toBe("unhealthy");
  });

  test("a node's pressures and NetworkUnavailable are healthy when False", () => {
    for (const type of ["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"]) {
      expect(conditionHealth(type, "False")).toBe("healthy");
      expect(conditionHealth(type, "True")).toBe("unhealthy");
    }
  });

  test("Unknown is neither", () => {
    expect(conditionHealth("Ready", "Unknown")).toBe("unknown");
  });
});
