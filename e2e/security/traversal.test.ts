import { beforeAll, describe, expect, test } from "vitest";
import { login, rawRequest } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

let alice: string;
beforeAll(async () => {
  alice = await login("alice");
});

// Targets sent byte for byte: fetch would normalise them before they leave.
const targets = [
  "/api/resources/..%2f..%2fetc/passwd",
  "/api/resources/pods/..%2f..%2f..%2f..%2fetc%2fpasswd",
  "/api/resources/pods/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
  "/api/resources/pods/shop/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
  "/api/resources/pods/shop/..%5c..%5c..%5cetc%5cpasswd",
  "/api/resources/%2e%2e/%2e%2e/package.json",
  "/api/resources/pods/shop/%00",
  "/_next/static/..%2f..%2f..%2fpackage.json",
  "/_next/static/%2e%2e/%2e%2e/server/app/api/embed/route.js",
  "/_next/static/%252e%252e/%252e%252e/BUILD_ID",
  "/..%2f..%2f..%2fetc%2fpasswd",
  "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
];

// What a leaked file would contain: /etc/passwd, package.json, compiled server code, the build id file.
const leaks = /root:x:0:0|"name":\s*"orrery"|"devDependencies"|require\("|__webpack_require__|module\.exports/;

describe("encoded path traversal", () => {
  for (const target of targets) {
    test(`GET ${target} with a session`, async ({ task }) => {
      const response = await rawRequest(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${suite().port}\r\nCookie: ${alice}\r\nConnection: close\r\n\r\n`);
      noteOutcome(task, `${response.statusLine} ${response.body.slice(0, 100).replace(/\s+/g, " ")}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).not.toMatch(leaks);
    });
  }
});
