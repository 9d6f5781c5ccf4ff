import { describe, expect, test } from "vitest";
import { rowKeyAction } from "./resourceTableModel";

describe("rowKeyAction", () => {
  test("Enter and Space open the row", () => {
    expect(rowKeyAction("Enter", false)).toEqual({ type: "open" });
    expect(rowKeyAction(" ", true)).toEqual({ type: "open" });
  });

  test("left and right fold a row only when it has children", () => {
    expect(rowKeyAction("ArrowRight", true)).toEqual({ type: "expand", expanded: true });
    expect(rowKeyAction("ArrowLeft", true)).toEqual({ type: "expand", expanded: false });
    expect(rowKeyAction("ArrowRight", false)).toBeUndefined();
  });

  test("up and down move; other keys do nothing", () => {
    expect(rowKeyAction("ArrowDown", false)).toEqual({ type: "move", step: 1 });
    expect(rowKeyAction("ArrowUp", false)).toEqual({ type: "move", step: -1 });
    expect(rowKeyAction("a", false)).toBeUndefined();
  });
});
