import { describe, expect, test } from "vitest";
import nextConfig from "../next.config.mjs";

describe("next.config.mjs", () => {
  test("lets next build fail on a type error, so npm start never serves code that does not typecheck", () => {
    expect(nextConfig.typescript?.ignoreBuildErrors ?? false).toBe(false);
  });
});
