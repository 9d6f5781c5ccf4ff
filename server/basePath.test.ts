import { describe, expect, test } from "vitest";
import { checkBasePath, readBuiltBasePath } from "./basePath";

describe("readBuiltBasePath", () => {
  test("reads the base path from the build's routes manifest", () => {
    expect(readBuiltBasePath("/app", () => JSON.stringify({ basePath: "/orrery" }))).toBe("/orrery");
    expect(readBuiltBasePath("/app", () => JSON.stringify({ basePath: "" }))).toBe("");
  });

  test("knows nothing when there is no build", () => {
    expect(
      readBuiltBasePath("/app", () => {
        throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      }),
    ).toBeUndefined();
  });
});

describe("checkBasePath", () => {
  test("accepts the build's own base path and a missing build", () => {
    expect(checkBasePath("/orrery", "/orrery")).toBeUndefined();
    expect(checkBasePath("/orrery", undefined)).toBeUndefined();
  });

  test("refuses a base path the build was not made with, saying how to rebuild", () => {
    const refusal = checkBasePath("/orrery", "");
    expect(refusal).toContain('does not match the base path this build was made with ("")');
    expect(refusal).toContain("ORRERY_BASE_PATH=/orrery npm run build");
  });
});
