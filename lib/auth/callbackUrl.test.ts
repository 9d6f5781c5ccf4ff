import { describe, expect, test } from "vitest";
import { isSafeRelativePath, safeCallbackPath, safeRedirectUrl } from "./callbackUrl";

const attacks = [
  "//evil.example",
  "///evil.example",
  "////evil.example/pods",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "https://evil.example",
  "HTTPS://EVIL.EXAMPLE/",
  "http:evil.example",
  "http:/evil.example",
  "//evil.example@orrery.example",
  "https://orrery.example@evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/%2F%2Fevil.example",
  "/%2f%2fevil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%252F%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "/ /evil.example",
  "/\u0000/evil.example",
  "/%00/evil.example",
  "/%E0%A4%A",
  "evil.example",
  "",
  "/".repeat(1) + "a".repeat(3000),
];

describe("isSafeRelativePath", () => {
  test.each(attacks)("refuses %j", (attack) => {
    expect(isSafeRelativePath(attack)).toBe(false);
  });

  test.each(["/", "/pods", "/pods?ns=shop&sort=name", "/workloads#top", "/pods/a%20b", "/orrery/nodes"])("accepts %j", (path) => {
    expect(isSafeRelativePath(path)).toBe(true);
  });
});

describe("safeCallbackPath", () => {
  test.each(attacks)("sends %j home", (attack) => {
    expect(safeCallbackPath(attack, "")).toBe("/");
    expect(safeCallbackPath(attack, "/orrery")).toBe("/orrery/");
  });

  test("keeps a safe path with its query", () => {
    expect(safeCallbackPath("/pods?ns=shop", "")).toBe("/pods?ns=shop");
  });

  test("normalises dot segments without leaving the site", () => {
    expect(safeCallbackPath("/pods/../nodes", "")).toBe("/nodes");
    expect(safeCallbackPath("/../../etc", "")).toBe("/etc");
  });

  test("keeps the user inside the base path", () => {
    expect(safeCallbackPath("/orrery/pods", "/orrery")).toBe("/orrery/pods");
    expect(safeCallbackPath("/orrery", "/orrery")).toBe("/orrery");
    expect(safeCallbackPath("/other/pods", "/orrery")).toBe("/orrery/");
    expect(safeCallbackPath("/orreryx", "/orrery")).toBe("/orrery/");
  });

  test("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined, "")).toBe("/");
    expect(safeCallbackPath(["/pods"], "")).toBe("/");
  });
});

describe("safeRedirectUrl", () => {
  const origin = "https://orrery.example";

  test.each(attacks)("sends %j home on our origin", (attack) => {
    expect(safeRedirectUrl(attack, origin, "")).toBe("https://orrery.example/");
  });

  test("keeps an absolute URL on our own origin as a path", () => {
    expect(safeRedirectUrl("https://orrery.example/pods?ns=a", origin, "")).toBe("https://orrery.example/pods?ns=a");
  });

  test("refuses our host on another scheme or port", () => {
    expect(safeRedirectUrl("http://orrery.example/pods", origin, "")).toBe("https://orrery.example/");
    expect(safeRedirectUrl("https://orrery.example:8443/pods", origin, "")).toBe("https://orrery.example/");
  });

  test("refuses a same-origin URL whose path turns into another host", () => {
    expect(safeRedirectUrl("https://orrery.example/\\evil.example", origin, "")).toBe("https://orrery.example/");
    expect(safeRedirectUrl("https://orrery.example//evil.example", origin, "")).toBe("https://orrery.example/");
  });
});
