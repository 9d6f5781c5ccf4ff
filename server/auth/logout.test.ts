import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { verifyCsrfToken } from "./logout";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const token = "f".repeat(64);
const cookie = `${token}|${createHash("sha256").update(`${token}${secret}`).digest("hex")}`;

describe("verifyCsrfToken", () => {
  test("accepts the token next-auth put in the cookie", () => {
    expect(verifyCsrfToken(cookie, token, secret)).toBe(true);
  });

  test.each([
    ["no cookie", undefined, token],
    ["no token", cookie, undefined],
    ["another token", cookie, "e".repeat(64)],
    ["a cookie signed with another secret", `${token}|${createHash("sha256").update(`${token}other`).digest("hex")}`, token],
    ["a cookie without its hash", token, token],
  ])("refuses %s", (_what, cookieValue, submitted) => {
    expect(verifyCsrfToken(cookieValue, submitted, secret)).toBe(false);
  });
});
