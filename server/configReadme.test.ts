import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { describeSettings } from "./config";

describe("README configuration table", () => {
  test("lists every setting as describeSettings() words it", () => {
    const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
    const missing = describeSettings().filter((row) => !readme.includes(row));
    expect(missing).toEqual([]);
  });
});
