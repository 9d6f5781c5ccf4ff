import { afterEach, describe, expect, test } from "vitest";
import { pageEmbedToken, resetPageEmbedToken, withEmbedToken } from "./apiUrl";

afterEach(() => resetPageEmbedToken());

describe("pageEmbedToken", () => {
  test("is read from the first URL and kept when the view moves on without it", () => {
    expect(pageEmbedToken("?ns=shop&embed=abc.def")).toBe("abc.def");
    expect(pageEmbedToken("?ns=shop")).toBe("abc.def");
  });

  test("is absent on a page opened without one, even if a later URL names one", () => {
    expect(pageEmbedToken("?ns=shop")).toBeUndefined();
    expect(pageEmbedToken("?embed=planted")).toBeUndefined();
  });
});

describe("withEmbedToken", () => {
  test("adds the token to URLs with and without a query, encoded", () => {
    expect(withEmbedToken("/api/stream", "a+b")).toBe("/api/stream?embed=a%2Bb");
    expect(withEmbedToken("/api/resources/pods?x=1", "t")).toBe("/api/resources/pods?x=1&embed=t");
    expect(withEmbedToken("/api/stream", "")).toBe("/api/stream");
  });
});
