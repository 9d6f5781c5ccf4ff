import { describe, expect, test } from "vitest";
import { goQuote, unquoteString } from "./strings";

describe("unquoteString", () => {
  test.each([
    ['"a\\nb"', "a\nb"], ["'it\\'s'", "it's"], ["`raw\\n`", "raw\\n"], ['"\\u00e9\\x41\\101"', "éA" + "A"], ['"\\U0001F600"', "😀"], ['"日本"', "日本"],
  ])("reads %s", (token, value) => {
    expect(unquoteString(token)).toBe(value);
  });

  test("keeps bytes that are not UTF-8 as lone surrogates", () => {
    expect(unquoteString('"a\\xc5z"')).toBe("a\udcc5z");
    expect(goQuote(unquoteString('"a\\xc5z"'))).toBe('"a\\xc5z"');
  });

  test("refuses an unknown escape as Go does", () => {
    expect(() => unquoteString('"\\q"')).toThrow("unknown escape sequence U+0071 'q'");
  });

  test("refuses a quote of the other kind escaped", () => {
    expect(() => unquoteString('"\\\'"')).toThrow("unknown escape sequence");
  });
});

describe("goQuote", () => {
  test.each([
    ["plain", '"plain"'], ['say "hi"', '"say \\"hi\\""'], ["tab\there", '"tab\\there"'], ["é", '"é"'], ["\u0001", '"\\x01"'],
  ])("quotes %j", (value, quoted) => {
    expect(goQuote(value)).toBe(quoted);
  });
});
