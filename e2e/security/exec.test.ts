import { beforeAll, describe, expect, test } from "vitest";
import { api, closeOf, login, logout, openSocket, sameOriginChange, type SocketAttempt } from "./harness/http";
import { kubectl } from "./harness/kubectl";
import { noteOutcome, suite } from "./harness/suiteContext";

// The demo cluster's RBAC: alice is in orrery:admins (cluster-admin); dev may edit in shop only.
let runningPod: string;
beforeAll(async () => {
  runningPod = await kubectl(["get", "pods", "-n", "shop", "--field-selector=status.phase=Running", "-o", "jsonpath={.items[0].metadata.name}"]);
  expect(runningPod).not.toBe("");
});

const execPath = (namespace: string, pod: string, command: string[] = []) =>
  `/api/exec?${new URLSearchParams([["namespace", namespace], ["pod", pod], ...command.map((arg) => ["command", arg])])}`;

/** The close code and first message of a socket that opened, or the HTTP refusal of one that did not. */
async function outcomeOf(attempt: SocketAttempt): Promise<string> {
  if (!attempt.opened) return attempt.closedWithoutAnswer ? "closed" : `HTTP ${attempt.status}`;
  const { code } = await closeOf(attempt.ws);
  return `${code} ${attempt.first.slice(0, 160)}`;
}

describe("/api/exec: who may open a shell where", () => {
  test("a person with edit in shop only, exec'ing into kube-system", async ({ task }) => {
    const dev = await login("dev");
    const attempt = await openSocket(execPath("kube-system", "any-pod", ["id"]), { origin: suite().baseUrl, cookie: dev });
    const outcome = await outcomeOf(attempt);
    noteOutcome(task, outcome);
    expect(outcome).toMatch(/^4403 \{"type":"error","message":"pods \\"any-pod\\" is forbidden: User \\"dev\\" cannot (get|create) resource \\"pods\/exec\\"/);
  });

  test("an embed token (read-only) opening a shell inside its own namespace", async ({ task }) => {
    const alice = await login("alice");
    const minted = await api("/api/embed", { method: "POST", cookie: alice, headers: sameOriginChange(), body: JSON.stringify({ scope: "/pods?ns=shop", ttlSeconds: 600 }) });
    expect(minted.status).toBe(201);
    const { token } = (await minted.json()) as { token: string };
    const attempt = await openSocket(execPath("shop", runningPod, ["id"]), { origin: suite().baseUrl, authorization: `Bearer ${token}` });
    const outcome = await outcomeOf(attempt);
    noteOutcome(task, outcome);
    // /api/exec is outside every embed scope, so the token is no login there (401); were it one, read-only would answer 4403.
    expect(outcome).toBe("HTTP 401");
  });

  test("an open shell when its session logs out", async ({ task }) => {
    const cookie = await login("alice");
    const attempt = await openSocket(execPath("shop", runningPod, ["sh"]), { origin: suite().baseUrl, cookie });
    if (!attempt.opened) throw new Error(`exec refused: HTTP ${attempt.status}`);
    expect(JSON.parse(attempt.first)).toMatchObject({ type: "started", command: ["sh"] });
    const closed = closeOf(attempt.ws);
    await logout(cookie);
    const { code, reason } = await closed;
    noteOutcome(task, `closed ${code} ${reason}`);
    expect(code).toBe(4401);
  });
});
