import { describe, expect, test } from "vitest";
import { expiredCookie, parseCookieHeader } from "./cookieHeader";

describe("parseCookieHeader", () => {
  test("reads names and decoded values; the first of a repeated name wins", () => {
    expect(parseCookieHeader("a=1; b=x%20y; a=2; c=\"q\"; junk; =v")).toEqual({ a: "1", b: "x y", c: "q" });
  });

  test("keeps a value that does not decode", () => {
    expect(parseCookieHeader("a=%E0%A4%A")).toEqual({ a: "%E0%A4%A" });
  });
});

describe("expiredCookie", () => {
  test("deletes with the attributes it was set with", () => {
    expect(expiredCookie("__Host-orrery.session", true)).toBe("__Host-orrery.session=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax; Secure");
    expect(expiredCookie("orrery.session", false)).not.toContain("Secure");
  });
});
