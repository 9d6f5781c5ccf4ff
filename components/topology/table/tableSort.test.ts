import { describe, expect, test } from "vitest";
import { formatTableSort, parseTableSort, TABLE_COLUMN_IDS } from "./tableSort";

describe("parseTableSort", () => {
  test("reads a column and a direction", () => {
    expect(parseTableSort("memory:desc")).toEqual({ column: "memory", direction: "desc" });
    expect(parseTableSort("name:asc")).toEqual({ column: "name", direction: "asc" });
  });

  test("takes a bare column as ascending and ignores case and spaces", () => {
    expect(parseTableSort(" Restarts ")).toEqual({ column: "restarts", direction: "asc" });
    expect(parseTableSort("CPU:DESC")).toEqual({ column: "cpu", direction: "desc" });
  });

  test("treats unknown columns, directions and junk as unsorted", () => {
    for (const text of ["age:desc", "name:sideways", "name:asc:extra", ":desc", "", null, undefined, "__proto__"]) {
      expect(parseTableSort(text)).toBeUndefined();
    }
  });
});

describe("formatTableSort", () => {
  test("writes what parseTableSort reads, for every column", () => {
    for (const column of TABLE_COLUMN_IDS) {
      for (const direction of ["asc", "desc"] as const) {
        const text = formatTableSort({ column, direction });
        expect(text).toBe(`${column}:${direction}`);
        expect(parseTableSort(text)).toEqual({ column, direction });
      }
    }
  });

  test("writes nothing when unsorted", () => {
    expect(formatTableSort(undefined)).toBeUndefined();
  });
});
