import { describe, expect, test } from "vitest";
import { api, rawRequest } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

// Values that skipped middleware in Next.js before 15.2.3 (CVE-2025-29927), for the old and the new file names.
const subrequestValues = [
  "middleware",
  "src/middleware",
  "pages/_middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];

describe("x-middleware-subrequest (CVE-2025-29927)", () => {
  test("Next.js is at a release with the fix", async () => {
    const { version } = (await import("next/package.json", { with: { type: "json" } })).default as { version: string };
    const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
    expect(major > 15 || (major === 15 && (minor > 2 || (minor === 2 && patch >= 3)))).toBe(true);
  });

  for (const value of subrequestValues) {
    test(`x-middleware-subrequest: ${value} on a page and an API route`, async ({ task }) => {
      const page = await api("/pods", { headers: { "x-middleware-subrequest": value } });
      const route = await api("/api/resources/pods/shop/example", { headers: { "x-middleware-subrequest": value } });
      noteOutcome(task, `page CSP ${page.headers.has("content-security-policy") ? "present" : "MISSING"}, API ${route.status}`);
      // The proxy still ran (its headers are there) and the route still demanded a login.
      expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
      expect(page.headers.get("x-frame-options")).toBe("DENY");
      expect(route.status).toBe(401);
    });
  }

  test("a raw request carrying the header twice", async ({ task }) => {
    const response = await rawRequest(`GET /api/embed HTTP/1.1\r\nHost: 127.0.0.1:${suite().port}\r\nx-middleware-subrequest: middleware\r\nx-middleware-subrequest: proxy:proxy:proxy:proxy:proxy\r\nConnection: close\r\n\r\n`);
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(401);
  });
});

describe("security headers on every page", () => {
  test("a fresh CSP nonce per request, frames denied, no sniffing, same-origin referrer", async ({ task }) => {
    const [first, second] = await Promise.all([api("/pods"), api("/pods")]);
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    noteOutcome(task, first.headers.get("content-security-policy") ?? "no CSP");
    expect(nonceOf(first)).toBeDefined();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(await first.text()).toContain(`nonce="${nonceOf(first)}"`);
  });

  test("an embedded view may be framed only by --frame-ancestors", async ({ task }) => {
    const response = await api("/pods?embed=not-a-token");
    noteOutcome(task, response.headers.get("content-security-policy")?.match(/frame-ancestors [^;]+/)?.[0] ?? "none");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors https://portal.example");
    expect(response.headers.has("x-frame-options")).toBe(false);
  });
});
