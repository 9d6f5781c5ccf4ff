import { beforeAll, describe, expect, test } from "vitest";
import { api, closeOf, login, openSocket, sameOriginChange } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

let alice: string;
let dev: string;
beforeAll(async () => {
  alice = await login("alice");
  dev = await login("dev");
});

async function createToken(scope: string): Promise<{ token: string; url: string; info: { id: string } }> {
  const response = await api("/api/embed", { method: "POST", cookie: alice, headers: sameOriginChange(), body: JSON.stringify({ scope, ttlSeconds: 600 }) });
  expect(response.status).toBe(201);
  return (await response.json()) as { token: string; url: string; info: { id: string } };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("embed tokens", () => {
  test("a person outside --embed-admin-group mints a token", async ({ task }) => {
    const response = await api("/api/embed", { method: "POST", cookie: dev, headers: sameOriginChange(), body: JSON.stringify({ scope: "/pods" }) });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(403);
  });

  // No change route lies inside a view's scope yet, so the token is refused as out of scope (401); inside, read-only answers 403.
  test("an embed token used for a change", async ({ task }) => {
    const { token } = await createToken("/pods?ns=shop");
    const response = await api("/api/embed", { method: "POST", headers: { ...sameOriginChange(), ...bearer(token) }, body: JSON.stringify({ scope: "/nodes" }) });
    noteOutcome(task, `${response.status} ${(await response.text()).slice(0, 80)}`);
    expect([401, 403]).toContain(response.status);
  });

  test("an embed token used outside its scope (other namespace, other view)", async ({ task }) => {
    const { token } = await createToken("/pods?ns=shop");
    const otherNamespace = await api("/api/resources/pods/kube-system/x", { headers: bearer(token) });
    const inScope = await api("/api/resources/pods/shop/x", { headers: bearer(token) });
    noteOutcome(task, `other namespace ${otherNamespace.status}, own namespace ${inScope.status}`);
    expect(otherNamespace.status).toBe(401);
    expect(inScope.status).not.toBe(401);
  });

  test("an embed token's stream reads only its view's kinds, in its namespace", async ({ task }) => {
    const { token } = await createToken("/pods?ns=shop");
    const socket = await openSocket("/api/stream", { origin: suite().baseUrl, ...bearer(token) });
    if (!socket.opened) throw new Error(`stream refused the embed token: ${socket.status}`);
    const answers = new Map<string, { type: string; items?: { metadata: { namespace?: string } }[]; message?: string }>();
    socket.ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: string; type: string };
      if (message.id && (message.type === "snapshot" || message.type === "error")) answers.set(message.id, message);
    });
    const ask = (id: string, resource: string, namespace?: string) => socket.ws.send(JSON.stringify({ type: "subscribe", id, resource, ...(namespace ? { namespace } : {}) }));
    ask("nodes", "nodes");
    ask("other", "pods", "kube-system");
    ask("all", "pods");
    const deadline = Date.now() + 10_000;
    while (answers.size < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    socket.ws.close();
    const all = answers.get("all");
    const namespacesSeen = [...new Set((all?.items ?? []).map((item) => item.metadata.namespace))];
    noteOutcome(task, `nodes → ${answers.get("nodes")?.type}, pods in kube-system → ${answers.get("other")?.type}, all pods → namespaces ${namespacesSeen.join(",")}`);
    expect(answers.get("nodes")?.type).toBe("error");
    expect(answers.get("other")?.type).toBe("error");
    expect(all?.type).toBe("snapshot");
    expect(namespacesSeen).toEqual(["shop"]);
  });

  test("a revoked embed token, and its open stream socket", async ({ task }) => {
    const { token, info } = await createToken("/pods");
    const socket = await openSocket("/api/stream", { origin: suite().baseUrl, ...bearer(token) });
    if (!socket.opened) throw new Error(`stream refused the embed token: ${socket.status}`);
    const closed = closeOf(socket.ws);
    const revoked = await api(`/api/embed/${info.id}`, { method: "DELETE", cookie: alice, headers: sameOriginChange() });
    expect(revoked.status).toBe(200);
    const { code } = await closed;
    const after = await api("/api/resources/pods/shop/x", { headers: bearer(token) });
    noteOutcome(task, `socket closed ${code}, API ${after.status}`);
    expect(code).toBe(4401);
    expect(after.status).toBe(401);
  });

  test("a tampered embed token widened to another view", async ({ task }) => {
    const { token } = await createToken("/pods?ns=shop");
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, scope: "/nodes" })).toString("base64url");
    const response = await api("/api/resources/nodes/x", { headers: bearer(`${header}.${widened}.${signature}`) });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(401);
  });
});
