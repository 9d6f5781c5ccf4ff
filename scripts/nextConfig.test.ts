import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, test } from "vitest";

// Loaded by URL: next.config.mjs is plain JavaScript without declarations.
const configUrl = pathToFileURL(path.resolve(__dirname, "..", "next.config.mjs")).href;

describe("next.config.mjs", () => {
  test("lets next build fail on a type error, so npm start never serves code that does not typecheck", async () => {
    const { default: nextConfig } = (await import(configUrl)) as { default: NextConfig };
    expect(nextConfig.poweredByHeader).toBe(false);
    expect(nextConfig.typescript?.ignoreBuildErrors ?? false).toBe(false);
  });
});
