import { beforeAll, describe, expect, test } from "vitest";
import { api, login, sameOriginChange } from "./harness/http";
import { noteOutcome } from "./harness/suiteContext";

// GET /api/me says who Orrery asks the cluster as. It must answer only about the person asking, only to a login.

let alice: string;
let dev: string;
beforeAll(async () => {
  alice = await login("alice");
  dev = await login("dev");
});

describe("GET /api/me", () => {
  test("without login", async ({ task }) => {
    const response = await api("/api/me");
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: expect.stringMatching(/login required/) } });
  });

  test("a person asking about somebody else gets themselves", async ({ task }) => {
    const response = await api("/api/me?user=alice&name=alice&as=alice", { cookie: dev, headers: { "impersonate-user": "alice", "impersonate-group": "orrery:admins" } });
    const body = (await response.json()) as { user: string; groups: string[]; mayManageEmbedTokens: boolean; namespaces: string[] };
    noteOutcome(task, `${response.status} ${body.user} ${body.groups.join(",")}`);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ user: "dev", groups: ["system:authenticated"], mayManageEmbedTokens: false });
    // dev may edit in shop only (the demo's RoleBinding): nothing of the other namespaces is named.
    expect(body.namespaces).toEqual(["shop"]);
    const admin = (await (await api("/api/me", { cookie: alice })).json()) as { user: string; groups: string[]; mayManageEmbedTokens: boolean };
    expect(admin).toMatchObject({ user: "alice", mayManageEmbedTokens: true });
    expect(admin.groups).toEqual(expect.arrayContaining(["orrery:admins", "system:authenticated"]));
  });

  test("a list scope of a kind Orrery never serves (Secrets)", async ({ task }) => {
    const response = await api("/api/me?kinds=pods,secrets", { cookie: alice });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain("token");
  });

  test("a change sent to it", async ({ task }) => {
    const response = await api("/api/me", { method: "POST", cookie: alice, headers: sameOriginChange(), body: "{}" });
    noteOutcome(task, `${response.status}`);
    expect(response.status).toBe(405);
  });
});
