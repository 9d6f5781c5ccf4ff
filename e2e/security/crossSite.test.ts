import { beforeAll, describe, expect, test } from "vitest";
import { api, closeOf, login, openSocket, sameOriginChange } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

let alice: string;
beforeAll(async () => {
  alice = await login("alice");
});

function socketOutcome(attempt: Awaited<ReturnType<typeof openSocket>>): string {
  return attempt.opened ? "OPENED" : attempt.closedWithoutAnswer ? "closed" : `HTTP ${attempt.status}`;
}

describe("forged Origin on websockets (cross-site websocket hijacking, CVE-2019-13209)", () => {
  for (const origin of ["https://evil.example", "null", `${suite().baseUrl}.evil.example`, "http://127.0.0.1:1", "http://localhost.evil.example"]) {
    test(`stream socket with Origin ${origin} and a valid session`, async ({ task }) => {
      const attempt = await openSocket("/api/stream", { origin, cookie: alice });
      noteOutcome(task, socketOutcome(attempt));
      expect(attempt).toMatchObject({ opened: false, status: 403 });
    });
  }

  for (const origin of ["https://evil.example", "null"]) {
    test(`exec socket with Origin ${origin} and a valid session (refused by the guard before the handshake)`, async ({ task }) => {
      const attempt = await openSocket("/api/exec?namespace=shop&pod=any&command=id", { origin, cookie: alice });
      noteOutcome(task, socketOutcome(attempt));
      expect(attempt).toMatchObject({ opened: false, status: 403 });
    });
  }

  test("control: the exec socket opens from Orrery's own origin (and says what is wrong with the query)", async ({ task }) => {
    const attempt = await openSocket("/api/exec?namespace=shop", { origin: suite().baseUrl, cookie: alice });
    noteOutcome(task, socketOutcome(attempt));
    expect(attempt.opened).toBe(true);
    if (attempt.opened) {
      expect(JSON.parse(attempt.first)).toMatchObject({ type: "error", message: expect.stringMatching(/^invalid exec request: pod is missing/) });
      expect((await closeOf(attempt.ws)).code).toBe(4400);
    }
  });

  test("control: the stream socket opens from Orrery's own origin", async ({ task }) => {
    const attempt = await openSocket("/api/stream", { origin: suite().baseUrl, cookie: alice });
    noteOutcome(task, socketOutcome(attempt));
    expect(attempt.opened).toBe(true);
    if (attempt.opened) {
      expect(JSON.parse(attempt.first)).toMatchObject({ type: "status" });
      const closed = closeOf(attempt.ws);
      attempt.ws.close();
      await closed;
    }
  });
});

describe("cross-site form POST to a mutation route (CSRF)", () => {
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const body = "scope=%2Fpods";

  test("form POST from Origin https://evil.example with the victim's cookie", async ({ task }) => {
    const response = await api("/api/embed", { method: "POST", cookie: alice, headers: { ...form, origin: "https://evil.example" }, body });
    noteOutcome(task, `${response.status} ${await response.text()}`);
    expect(response.status).toBe(403);
  });

  test("form POST with no Origin (old browser or stripped) and the victim's cookie", async ({ task }) => {
    const response = await api("/api/embed", { method: "POST", cookie: alice, headers: form, body });
    noteOutcome(task, `${response.status} ${await response.text()}`);
    expect(response.status).toBe(403);
  });

  test("same-origin JSON POST without the CSRF header", async ({ task }) => {
    const response = await api("/api/embed", { method: "POST", cookie: alice, headers: { origin: suite().baseUrl, "content-type": "application/json" }, body: JSON.stringify({ scope: "/pods" }) });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(403);
  });

  test("cross-site DELETE of an embed token with the CSRF header but Origin evil", async ({ task }) => {
    const response = await api("/api/embed/00000000-0000-0000-0000-000000000000", { method: "DELETE", cookie: alice, headers: { origin: "https://evil.example", "x-orrery-csrf": "1" } });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(403);
  });

  test("control: the same change from Orrery's own page succeeds", async ({ task }) => {
    const response = await api("/api/embed", { method: "POST", cookie: alice, headers: sameOriginChange(), body: JSON.stringify({ scope: "/pods", ttlSeconds: 600 }) });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(201);
  });
});
