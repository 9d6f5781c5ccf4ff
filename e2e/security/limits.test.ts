import { beforeAll, describe, expect, test } from "vitest";
import { api, closeOf, login, openSocket, rawRequest, sameOriginChange } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

let alice: string;
beforeAll(async () => {
  alice = await login("alice");
});

describe("oversized requests", () => {
  test("query string of 9 KiB on an API route", async ({ task }) => {
    const response = await api(`/api/resources/pods/shop/x?q=${"a".repeat(9 * 1024)}`, { cookie: alice });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(414);
  });

  test("query string of 9 KiB on a page", async ({ task }) => {
    const response = await api(`/pods?q=${"a".repeat(9 * 1024)}`);
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(414);
  });

  test("headers of 20 KiB", async ({ task }) => {
    const response = await rawRequest(`GET /api/healthz HTTP/1.1\r\nHost: 127.0.0.1:${suite().port}\r\nX-Big: ${"a".repeat(20 * 1024)}\r\nConnection: close\r\n\r\n`);
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(431);
  });

  test("a declared 2 MiB body to a mutation route", async ({ task }) => {
    const response = await api("/api/embed", { method: "POST", cookie: alice, headers: sameOriginChange(), body: JSON.stringify({ scope: "/pods", pad: "a".repeat(2 * 1024 * 1024) }) });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(413);
  });

  test("a chunked body growing past 1 MiB to a mutation route", async ({ task }) => {
    const chunk = "a".repeat(64 * 1024);
    const chunks = Array.from({ length: 20 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join("");
    const head = `POST /api/embed HTTP/1.1\r\nHost: 127.0.0.1:${suite().port}\r\nCookie: ${alice}\r\nOrigin: ${suite().baseUrl}\r\nx-orrery-csrf: 1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
    const response = await rawRequest(`${head}${chunks}0\r\n\r\n`);
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(413);
  });

  test("a chunked body to next-auth's login endpoint", async ({ task }) => {
    const head = `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${suite().port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
    const response = await rawRequest(`${head}5\r\na=bcd\r\n0\r\n\r\n`);
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(411);
  });

  test("a websocket frame of 1 MiB on the stream socket", async ({ task }) => {
    const attempt = await openSocket("/api/stream", { origin: suite().baseUrl, cookie: alice });
    if (!attempt.opened) throw new Error(`stream refused: ${attempt.status}`);
    const closed = closeOf(attempt.ws);
    attempt.ws.send(JSON.stringify({ type: "subscribe", id: "x", resource: "pods", pad: "a".repeat(1024 * 1024) }));
    const { code } = await closed;
    noteOutcome(task, `closed ${code}`);
    expect(code).toBe(1009);
  });
});
