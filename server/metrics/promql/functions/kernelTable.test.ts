import { describe, expect, test } from "vitest";
import { anchoredKernels } from "./extendedRangeKernels";
import { dateKernels, mathKernels } from "./instantKernels";
import { kernelTable } from "./kernelTable";
import { rangeKernels } from "./rangeKernels";

describe("kernelTable", () => {
  test("finds no Object methods under function-like names", () => {
    for (const table of [rangeKernels, mathKernels, dateKernels, anchoredKernels]) {
      expect(table.constructor).toBeUndefined();
      expect(table.toString).toBeUndefined();
      expect(table.hasOwnProperty).toBeUndefined();
    }
  });

  test("keeps its entries and cannot be changed", () => {
    const table = kernelTable({ one: 1 });
    expect(table.one).toBe(1);
    expect(Object.keys(table)).toEqual(["one"]);
    expect(() => {
      table.two = 2;
    }).toThrow(TypeError);
  });
});
