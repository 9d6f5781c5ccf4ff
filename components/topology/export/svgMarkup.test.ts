import { describe, expect, test } from "vitest";
import { escapeXml, svgAttributes, svgGroup, svgNumber, svgPaint } from "./svgMarkup";

describe("escapeXml", () => {
  test("escapes markup and both quotes", () => {
    expect(escapeXml(`<b a="1" c='2'>&</b>`)).toBe("&lt;b a=&quot;1&quot; c=&apos;2&apos;&gt;&amp;&lt;/b&gt;");
  });

  test("drops control characters XML cannot hold at all", () => {
    expect(escapeXml("web\u0000-1\u001b\tok\n")).toBe("web-1\tok\n");
  });
});

describe("svgNumber", () => {
  test("keeps at most two decimals and writes no negative zero", () => {
    expect(svgNumber(1.23456)).toBe("1.23");
    expect(svgNumber(10)).toBe("10");
    expect(svgNumber(-0.001)).toBe("0");
    expect(svgNumber(-2.005)).toBe("-2");
  });
});

describe("svgAttributes", () => {
  test("writes pairs in order, escapes strings, rounds numbers, leaves out undefined", () => {
    expect(svgAttributes({ x: 1.005, title: 'a"b', skip: undefined, fill: "#fff" })).toBe(' x="1" title="a&quot;b" fill="#fff"');
  });
});

describe("svgPaint", () => {
  test("turns rgba into a hex colour and an opacity", () => {
    expect(svgPaint("rgba(134, 142, 150, 0.45)")).toEqual({ colour: "#868e96", opacity: 0.45 });
  });

  test("leaves other colours as they are", () => {
    expect(svgPaint("#2f9e44")).toEqual({ colour: "#2f9e44" });
  });
});

describe("svgGroup", () => {
  test("wraps children and writes nothing for none", () => {
    expect(svgGroup({ class: "a" }, ["<x/>"])).toEqual(['<g class="a">', "<x/>", "</g>"]);
    expect(svgGroup({ class: "a" }, [])).toEqual([]);
  });
});
