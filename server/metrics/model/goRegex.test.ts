import { describe, expect, test } from "vitest";
import { compileGoRegex } from "./goRegex";

function matches(pattern: string, value: string): boolean {
  return compileGoRegex(pattern).test(value);
}

describe("compileGoRegex", () => {
  test("anchors the whole value like Prometheus", () => {
    expect(matches("foo", "foo")).toBe(true);
    expect(matches("foo", "foobar")).toBe(false);
    expect(matches("a|b", "ab")).toBe(false);
    expect(matches("a|b", "b")).toBe(true);
  });

  test("lets the dot match newlines", () => {
    expect(matches("a.b", "a\nb")).toBe(true);
    expect(matches(".*", "line1\nline2")).toBe(true);
  });

  test("honours a leading (?i) and (?s)", () => {
    expect(matches("(?i)foo", "FoO")).toBe(true);
    expect(matches("(?is)f.o", "F\nO")).toBe(true);
    expect(matches("(?s)a.b", "a\nb")).toBe(true);
  });

  test("reads Go-only syntax", () => {
    expect(matches("(?P<x>ab)c", "abc")).toBe(true);
    expect(matches("\\Aab\\z", "ab")).toBe(true);
    expect(matches("[[:alpha:]]+", "abcXYZ")).toBe(true);
    expect(matches("[[:alpha:]]+", "abc1")).toBe(false);
    expect(matches("[[:digit:][:upper:]]+", "A1B2")).toBe(true);
    expect(matches("[[:^digit:]]+", "abc")).toBe(true);
    expect(matches("\\Qa.b*\\E", "a.b*")).toBe(true);
    expect(matches("\\Qa.b*\\E", "axbb")).toBe(false);
    expect(matches("a{", "a{")).toBe(true);
    expect(matches("[]a]+", "]a]")).toBe(true);
    expect(matches("\\x{41}\\x42", "AB")).toBe(true);
    expect(matches("\\pL+", "héllo")).toBe(true);
    expect(matches("\\p{Greek}+", "αβγ")).toBe(true);
  });

  test("keeps Go's ASCII meaning of \\s", () => {
    expect(matches("a\\sb", "a b")).toBe(true);
    expect(matches("a\\sb", "a\u00a0b")).toBe(false);
    expect(matches("a\\sb", "a\vb")).toBe(false);
  });

  test("accepts escaped punctuation that JS unicode mode would refuse", () => {
    expect(matches("a\\-b\\#c", "a-b#c")).toBe(true);
    expect(matches("[\\-x]+", "x-x")).toBe(true);
  });

  test("refuses what RE2 refuses, in Prometheus's words", () => {
    expect(() => compileGoRegex("(?=a)")).toThrow(/invalid regular expression "\(\?=a\)": error parsing regexp: invalid or unsupported Perl syntax/);
    expect(() => compileGoRegex("(a)\\1")).toThrow(/invalid escape sequence: `\\1`/);
    expect(() => compileGoRegex("a**")).toThrow(/invalid regular expression/);
    expect(() => compileGoRegex("[abc")).toThrow(/missing closing \]/);
    expect(() => compileGoRegex("a{1001}")).toThrow(/invalid repeat count/);
    expect(() => compileGoRegex("ab\\")).toThrow(/trailing backslash/);
  });
});

describe("compileGoRegex case-insensitive groups", () => {
  test("applies (?i:...) and a mid-group (?i) only where Go does", () => {
    expect(matches(".*(?i:TION).*", "production")).toBe(true);
    expect(matches("(?i:PRO).*", "production")).toBe(true);
    expect(matches("((?i)PRO).*", "proDUCTION")).toBe(true);
    expect(matches(".*((?i)DUC).*", "proDUCtion")).toBe(true);
    expect(matches("(?i:PRO)DUCTION", "proDUCTION")).toBe(true);
    expect(matches("(?i:PRO)DUCTION", "production")).toBe(false);
    expect(matches("a(?i)b", "aB")).toBe(true);
    expect(matches("a(?i)b", "AB")).toBe(false);
    expect(matches("(?i:[a-c]x)", "BX")).toBe(true);
    expect(matches("(?i:[a-c]x)", "DX")).toBe(false);
    expect(matches("(?i)\\Qa.b\\E", "A.B")).toBe(true);
    expect(matches("(?i:a)(?-i:b)", "Ab")).toBe(true);
    expect(matches("(?i:a)(?-i:b)", "AB")).toBe(false);
  });

  test("keeps ranges written with escapes", () => {
    expect(matches("[\\x00-\\x1f]+", "\u0001\u0002")).toBe(true);
    expect(matches("[a-]+", "a-a")).toBe(true);
  });

  test("refuses flags it cannot honour and stray parentheses", () => {
    expect(() => compileGoRegex("(?m)^a$")).toThrow(/invalid or unsupported Perl syntax/);
    expect(() => compileGoRegex("a)")).toThrow(/unexpected \)/);
    expect(() => compileGoRegex("(.*")).toThrow(/error parsing regexp: missing closing \): `\(\.\*`/);
  });
});
