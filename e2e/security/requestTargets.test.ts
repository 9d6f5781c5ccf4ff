import { describe, expect, test } from "vitest";
import { rawRequest } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

const host = () => `127.0.0.1:${suite().port}`;

describe("absolute-form requests and requests aimed at other hosts (SSRF through Orrery)", () => {
  const targets = [
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:22/",
    "https://kubernetes.default.svc/api/v1/secrets",
    `http://${"127.0.0.1"}:${"PORT"}/api/healthz`,
  ];

  for (const template of targets) {
    test(`GET ${template} HTTP/1.1`, async ({ task }) => {
      const target = template.replace("PORT", String(suite().port));
      const response = await rawRequest(`GET ${target} HTTP/1.1\r\nHost: ${new URL(target).host}\r\nConnection: close\r\n\r\n`);
      noteOutcome(task, response.statusLine);
      expect(response.status).toBe(400);
      expect(response.body).not.toMatch(/ami-id|instance-id|SSH-|"kind"/);
    });
  }

  test("CONNECT 169.254.169.254:80", async ({ task }) => {
    const response = await rawRequest(`CONNECT 169.254.169.254:80 HTTP/1.1\r\nHost: 169.254.169.254:80\r\n\r\n`);
    noteOutcome(task, response.empty ? "connection closed without answer" : response.statusLine);
    expect(response.status === 0 || response.status >= 400).toBe(true);
    expect(response.statusLine).not.toMatch(/ 200 /);
  });

  test("origin-form request with a Host that Orrery does not serve (DNS rebinding)", async ({ task }) => {
    const response = await rawRequest(`GET /api/healthz HTTP/1.1\r\nHost: rebind.evil.example:${suite().port}\r\nConnection: close\r\n\r\n`);
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(421);
  });

  test("request with a Host carrying user info", async ({ task }) => {
    const response = await rawRequest(`GET /api/healthz HTTP/1.1\r\nHost: evil@${host()}\r\nConnection: close\r\n\r\n`);
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(421);
  });

  test("protocol-relative target //evil.example/", async ({ task }) => {
    const response = await rawRequest(`GET //evil.example/ HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`);
    noteOutcome(task, `${response.statusLine}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
    expect(response.status).toBe(400);
  });

  const upgrade = (target: string, hostHeader: string) =>
    `GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;

  test("websocket upgrade with an absolute-form target at another host", async ({ task }) => {
    const response = await rawRequest(upgrade("http://169.254.169.254/api/stream", "169.254.169.254"));
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(400);
  });

  test("websocket upgrade with a Host header of another host", async ({ task }) => {
    const response = await rawRequest(upgrade("/api/stream", "internal.example:8080"));
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(421);
  });

  test("control: an ordinary origin-form request to a served Host is answered", async () => {
    const response = await rawRequest(`GET /api/healthz HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`);
    expect([200, 503]).toContain(response.status);
  });
});
