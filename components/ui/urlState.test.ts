import { describe, expect, test } from "vitest";
import { formatSort, parseSort, withParams } from "./urlState";

describe("parseSort and formatSort", () => {
  test("round-trip ascending and descending", () => {
    expect(parseSort("-age", [])).toEqual([{ id: "age", desc: true }]);
    expect(parseSort("name", [])).toEqual([{ id: "name", desc: false }]);
    expect(formatSort([{ id: "restarts", desc: true }])).toBe("-restarts");
    expect(formatSort([])).toBeUndefined();
  });

  test("fall back without a usable value", () => {
    const fallback = [{ id: "name", desc: false }];
    expect(parseSort(null, fallback)).toBe(fallback);
    expect(parseSort("-", fallback)).toBe(fallback);
  });
});

describe("withParams", () => {
  test("sets, replaces and removes keys, keeping the others", () => {
    expect(withParams("?ns=shop&q=front", { q: "back", sort: "-age" })).toBe("?ns=shop&q=back&sort=-age");
    expect(withParams("?ns=shop&q=front", { q: "", ns: undefined })).toBe("");
  });

  test("encodes values such as object references", () => {
    expect(withParams("", { selected: "pods/shop/frontend 1" })).toBe("?selected=pods%2Fshop%2Ffrontend+1");
  });
});
