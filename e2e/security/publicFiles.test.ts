import { describe, expect, test } from "vitest";
import { api } from "./harness/http";
import { noteOutcome } from "./harness/suiteContext";

// The browser fetches the icon and the manifest before anyone signs in, and crawlers read robots.txt:
// they are served to everyone, as what they are, and nothing else comes out of public/.
const publicFiles: [path: string, type: RegExp][] = [
  ["/icon.svg", /^image\/svg\+xml/],
  ["/icon-192.png", /^image\/png/],
  ["/icon-512.png", /^image\/png/],
  ["/manifest.webmanifest", /^application\/manifest\+json/],
  ["/robots.txt", /^text\/plain/],
];

describe("public files without login", () => {
  for (const [path, type] of publicFiles) {
    test(`GET ${path} answers the file`, async ({ task }) => {
      const response = await api(path);
      noteOutcome(task, `${response.status} ${response.headers.get("content-type")}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(type);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    });
  }

  test("the login page links the icon and the manifest, and asks not to be indexed", async () => {
    const page = await (await api("/login")).text();
    expect(page).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    expect(page).toMatch(/<link rel="icon" href="\/icon\.svg" type="image\/svg\+xml"/);
    expect(page).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });

  test("files outside public/ are not served from the root", async () => {
    for (const path of ["/package.json", "/next.config.mjs", "/.env", "/public/robots.txt"]) expect((await api(path)).status, path).not.toBe(200);
  });
});
