import { describe, expect, test } from "vitest";
import { neighbourIndex } from "./neighbourIndex";

describe("neighbourIndex", () => {
  test("links both ways, ignores self loops, knows nothing of unknown ids", () => {
    const neighbours = neighbourIndex([
      { id: "1", source: "svc", target: "pod", kind: "selects" },
      { id: "2", source: "pod", target: "node", kind: "scheduled" },
      { id: "3", source: "pod", target: "pod", kind: "owns" },
    ]);
    expect([...neighbours("pod")].sort()).toEqual(["node", "svc"]);
    expect([...neighbours("svc")]).toEqual(["pod"]);
    expect(neighbours("missing").size).toBe(0);
  });
});
