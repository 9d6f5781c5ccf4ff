import { describe, expect, test } from "vitest";
import { api, login } from "./harness/http";
import { noteOutcome, suite, user } from "./harness/suiteContext";

const hostile = ["https://evil.example", "//evil.example", "/\\evil.example", "%2F%2Fevil.example", "https:%2F%2Fevil.example", "/%5Cevil.example", "%2F%5Cevil.example", "javascript:alert(1)", "http:evil.example", "/\t/evil.example", `${"https://127.0.0.1"}@evil.example`];

// A Location or callback that stays on Orrery: a path on its own origin.
function staysHome(target: string | null | undefined): boolean {
  if (!target) return true;
  const resolved = new URL(target, `${suite().baseUrl}/login`);
  return resolved.origin === suite().baseUrl && resolved.protocol === "http:";
}

async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await api("/api/auth/csrf");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { token: csrfToken, cookie };
}

describe("open redirects through callback URLs", () => {
  for (const value of hostile) {
    test(`/api/auth/signin?callbackUrl=${value}`, async ({ task }) => {
      const response = await api(`/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`);
      const location = response.headers.get("location");
      noteOutcome(task, `${response.status}${location ? ` → ${location}` : ""}`);
      expect(staysHome(location)).toBe(true);
    });

    test(`login POST with callbackUrl=${value}`, async ({ task }) => {
      const { token, cookie } = await csrf();
      const { password } = user("dev");
      const response = await api("/api/auth/callback/credentials", {
        method: "POST",
        cookie,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: suite().baseUrl },
        body: new URLSearchParams({ username: "dev", password, csrfToken: token, callbackUrl: value, json: "true" }).toString(),
      });
      const location = response.headers.get("location");
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      noteOutcome(task, `${response.status} → ${location ?? body.url ?? "(none)"}`);
      expect(staysHome(location)).toBe(true);
      expect(staysHome(body.url)).toBe(true);
    });

    test(`login page /login?callbackUrl=${value} when already signed in`, async ({ task }) => {
      const cookie = await login("dev");
      const response = await api(`/login?callbackUrl=${encodeURIComponent(value)}`, { cookie });
      const location = response.headers.get("location");
      const html = await response.text();
      noteOutcome(task, `${response.status}${location ? ` → ${location}` : ""}`);
      expect(staysHome(location)).toBe(true);
      expect(html).not.toMatch(/href="(https?:)?\/\/evil\.example|href="javascript:/i);
      expect(html).not.toMatch(/"callbackUrl":"(https?:|\/\/|\/\\\\|javascript:)/);
    });
  }
});
