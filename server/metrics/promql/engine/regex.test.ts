import { describe, expect, test } from "vitest";
import { compileAnchored, expandTemplate } from "./regex";

describe("expandTemplate", () => {
  const match = compileAnchored("(?<host>[a-z]+):(\\d+)")!.exec("web:80")!;

  test("expands numbered and named groups as Go's Regexp.Expand does", () => {
    expect(expandTemplate("$1-${2}-$host-$$", match)).toBe("web-80-web-$");
  });

  test("a name runs as long as letters, digits and underscores go, so $1x is the empty group 1x", () => {
    expect(expandTemplate("$1x|${1}x", match)).toBe("|webx");
  });

  test("anchored: a partial match is no match", () => {
    expect(compileAnchored("web")!.test("webserver")).toBe(false);
  });
});
