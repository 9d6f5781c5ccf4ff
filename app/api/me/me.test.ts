import { describe, expect, test } from "vitest";
import type { Person } from "@/server/auth/person";
import { everywhere, type ListScope } from "@/server/access/types";
import { toErrorResponse } from "@/server/http/errors";
import { answerMe, parseKinds, type MeDeps } from "./me";

const admin: Person = { name: "admin", groups: [], via: "session", readOnly: false };
const local: Person = { name: "local", groups: [], via: "local", readOnly: false };

function deps(scopes: Partial<Record<string, ListScope>>, identity?: { user: string; groups: string[] }, embedAdminGroup?: string): MeDeps {
  return {
    access: { listScope: async (kind) => scopes[kind] ?? { all: false, namespaces: new Set() }, visibleNamespaces: async () => ["team-a", "shop"] },
    identity: async () => identity,
    embedAdminGroup,
  };
}

describe("answerMe", () => {
  test("names the person as the apiserver sees them, with where they may list each kind asked for", async () => {
    const answer = await answerMe(admin, deps({ pods: { all: false, namespaces: new Set(["shop", "team-a"]) }, nodes: everywhere }, { user: "admin", groups: ["system:authenticated"] }), ["pods", "nodes", "services"]);
    expect(answer).toEqual({
      user: "admin",
      groups: ["system:authenticated"],
      login: true,
      mayManageEmbedTokens: false,
      namespaces: ["shop", "team-a"],
      lists: { pods: ["shop", "team-a"], nodes: "all", services: [] },
    });
  });

  test("without the apiserver's answer, says what Orrery sends: the person's user and groups", async () => {
    const answer = await answerMe({ ...admin, groups: ["ops"] }, deps({}), []);
    expect([answer.user, answer.groups]).toEqual(["admin", ["ops", "system:authenticated"]]);
  });

  test("with login off, the kubeconfig's identity is unknown rather than called 'local'", async () => {
    const answer = await answerMe(local, deps({}), []);
    expect([answer.user, answer.login, answer.mayManageEmbedTokens]).toEqual([null, false, true]);
  });

  test("embed links are offered to members of the embed admin group only", async () => {
    expect((await answerMe({ ...admin, groups: ["embedders"] }, deps({}, undefined, "embedders"), [])).mayManageEmbedTokens).toBe(true);
    expect((await answerMe(admin, deps({}, undefined, "embedders"), [])).mayManageEmbedTokens).toBe(false);
  });
});

describe("parseKinds", () => {
  test("reads a comma list and refuses an unknown kind with 400", async () => {
    expect(parseKinds("pods, nodes,pods")).toEqual(["pods", "nodes"]);
    expect(parseKinds(null)).toEqual([]);
    let status = 0;
    try {
      parseKinds("pods,secrets");
    } catch (error) {
      status = toErrorResponse(error).status;
    }
    expect(status).toBe(400);
  });
});
