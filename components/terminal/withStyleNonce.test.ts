// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import { withStyleNonce } from "./withStyleNonce";

describe("withStyleNonce", () => {
  test("nonces the style elements made inside, and only those", () => {
    const [style, div] = withStyleNonce(() => [document.createElement("style"), document.createElement("div")], "abc");
    expect(style.nonce).toBe("abc");
    expect(div.nonce).not.toBe("abc");
    expect(document.createElement("style").nonce).not.toBe("abc");
  });

  test("puts document.createElement back when creating throws", () => {
    const original = document.createElement;
    expect(() => withStyleNonce(() => {
      throw new Error("no renderer");
    }, "abc")).toThrow("no renderer");
    expect(document.createElement).toBe(original);
  });
});
