import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { config as proxyConfig } from "@/proxy";

const publicDir = path.resolve(__dirname, "..", "public");
const publicFiles = readdirSync(publicDir);

interface WebManifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string }[];
}
const manifest = JSON.parse(readFileSync(path.join(publicDir, "manifest.webmanifest"), "utf8")) as WebManifest;

// Width and height from a PNG's IHDR chunk, which always comes first.
function pngSize(file: string): string {
  const bytes = readFileSync(path.join(publicDir, file));
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

async function layoutMetadata(basePath: string) {
  vi.stubEnv("ORRERY_BASE_PATH", basePath);
  vi.resetModules();
  return import("./layout");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("public files", () => {
  test("the web manifest names Orrery and lists icons that exist at the sizes it claims", () => {
    expect(manifest).toMatchObject({ name: "Orrery", short_name: "Orrery", theme_color: expect.stringMatching(/^#/), background_color: expect.stringMatching(/^#/) });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      expect(publicFiles).toContain(icon.src);
      if (icon.type === "image/png") expect(pngSize(icon.src)).toBe(icon.sizes);
    }
  });

  test("the manifest's URLs are relative to it, so they work under any --base-path", () => {
    const manifestUrl = "https://ops.example.com/orrery/manifest.webmanifest";
    expect(new URL(manifest.start_url, manifestUrl).pathname).toBe("/orrery/");
    expect(new URL(manifest.scope, manifestUrl).pathname).toBe("/orrery/");
    for (const icon of manifest.icons) expect(new URL(icon.src, manifestUrl).pathname).toBe(`/orrery/${icon.src}`);
  });

  test("robots.txt keeps every crawler out", () => {
    expect(readFileSync(path.join(publicDir, "robots.txt"), "utf8")).toMatch(/^User-agent: \*\nDisallow: \/\n$/);
  });

  test("the page proxy skips every public file (no CSP nonce to mint for a PNG)", () => {
    const [matcher] = proxyConfig.matcher;
    const pattern = new RegExp(`^${matcher}$`);
    for (const file of publicFiles) expect(pattern.test(`/${file}`), file).toBe(false);
    expect(pattern.test("/topology"), "pages still pass the proxy").toBe(true);
  });
});

describe("page metadata", () => {
  test("links the icons, the manifest and the theme colour under the base path", async () => {
    const { metadata, viewport } = await layoutMetadata("/orrery");
    expect(metadata.manifest).toBe("/orrery/manifest.webmanifest");
    const icons = metadata.icons as { icon: { url: string }[]; apple: { url: string } };
    const urls = [...icons.icon.map((icon) => icon.url), icons.apple.url];
    for (const url of urls) {
      expect(url).toMatch(/^\/orrery\//);
      expect(publicFiles).toContain(url.slice("/orrery/".length));
    }
    expect(viewport.themeColor).toBe(manifest.theme_color);
  });

  test("asks search engines not to index any page", async () => {
    const { metadata } = await layoutMetadata("");
    expect(metadata.manifest).toBe("/manifest.webmanifest");
    expect(metadata.robots).toMatchObject({ index: false, follow: false });
  });
});
