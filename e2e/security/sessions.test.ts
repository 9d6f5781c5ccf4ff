import { describe, expect, test } from "vitest";
import { api, closeOf, login, logout, openSocket } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

const detailsPath = "/api/embed";

function sessionCookieOf(cookie: string): [string, string] {
  const pair = cookie.split("; ").find((entry) => entry.includes("orrery.session"));
  if (!pair) throw new Error("no session cookie");
  return [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
}

describe("replayed, forged and tampered session cookies", () => {
  test("a session cookie replayed after logout", async ({ task }) => {
    const cookie = await login("alice");
    expect((await api(detailsPath, { cookie })).status).toBe(200);
    await logout(cookie);
    const replayed = await api(detailsPath, { cookie });
    const socket = await openSocket("/api/stream", { origin: suite().baseUrl, cookie });
    noteOutcome(task, `API ${replayed.status}, stream ${socket.opened ? "OPENED" : `HTTP ${socket.status}`}`);
    expect(replayed.status).toBe(401);
    expect(socket).toMatchObject({ opened: false, status: 401 });
  });

  test("an open stream socket when its session logs out", async ({ task }) => {
    const cookie = await login("alice");
    const socket = await openSocket("/api/stream", { origin: suite().baseUrl, cookie });
    if (!socket.opened) throw new Error(`stream refused: ${socket.status}`);
    const closed = closeOf(socket.ws);
    await logout(cookie);
    const { code, reason } = await closed;
    noteOutcome(task, `closed ${code} ${reason}`);
    expect(code).toBe(4401);
  });

  test("a forged session cookie", async ({ task }) => {
    const [name] = sessionCookieOf(await login("dev"));
    const forged = `${name}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..${"A".repeat(22)}.${"B".repeat(80)}.${"C".repeat(22)}`;
    const response = await api(detailsPath, { cookie: forged });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(401);
  });

  test("a tampered session cookie (one character flipped)", async ({ task }) => {
    const [name, value] = sessionCookieOf(await login("dev"));
    const middle = Math.floor(value.length / 2);
    const flipped = `${value.slice(0, middle)}${value[middle] === "A" ? "B" : "A"}${value.slice(middle + 1)}`;
    const response = await api(detailsPath, { cookie: `${name}=${flipped}` });
    const socket = await openSocket("/api/stream", { origin: suite().baseUrl, cookie: `${name}=${flipped}` });
    noteOutcome(task, `API ${response.status}, stream ${socket.opened ? "OPENED" : `HTTP ${socket.status}`}`);
    expect(response.status).toBe(401);
    expect(socket.opened).toBe(false);
  });

  test("an unsigned JWT in the session cookie (alg none)", async ({ task }) => {
    const [name] = sessionCookieOf(await login("dev"));
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${part({ alg: "none", typ: "JWT" })}.${part({ name: "admin", groups: ["system:masters"], sid: "x" })}.`;
    const response = await api(detailsPath, { cookie: `${name}=${unsigned}` });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(401);
  });
});
