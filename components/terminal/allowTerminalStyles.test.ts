// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import { allowTerminalStyles } from "./allowTerminalStyles";

describe("allowTerminalStyles", () => {
  test("puts the nonce on every style block and keeps its CSS", () => {
    const root = document.createElement("div");
    root.innerHTML = "<div><style>.a { color: red }</style></div><style>.b { width: 9px }</style>";
    allowTerminalStyles(root, "abc");
    const styles = [...root.querySelectorAll("style")];
    expect(styles.map((style) => style.nonce)).toEqual(["abc", "abc"]);
    expect(styles.map((style) => style.textContent)).toEqual([".a { color: red }", ".b { width: 9px }"]);
  });
});
