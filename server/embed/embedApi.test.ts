import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Person } from "../auth/person";
import { auditLogFor } from "../audit/audit";
import { ApiError } from "../http/errors";
import { log } from "../log";
import { createEmbedTokenAs, embedListingAs, listEmbedTokensAs, revokeEmbedTokenAs, type EmbedApiDeps } from "./embedApi";
import { EmbedTokens } from "./embedTokens";
import { FileStateStore } from "../state/fileStateStore";
import { StateTooLargeError, type StateStore } from "../state/stateStore";

let deps: EmbedApiDeps;
const local: Person = { name: "local", groups: [], via: "local", readOnly: false };
const admin: Person = { name: "alice", groups: ["orrery:admins"], via: "session", readOnly: false };
const dev: Person = { name: "dev", groups: ["developers"], via: "session", readOnly: false };

beforeEach(async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "orrery-embed-api-"));
  deps = { tokens: EmbedTokens.inDirectory(dataDir), adminGroup: "orrery:admins", basePath: "/orrery", dataDir, frameAncestors: [] };
  vi.spyOn(log, "info").mockImplementation(() => undefined);
});

afterEach(async () => {
  await auditLogFor(deps.dataDir).close();
  vi.restoreAllMocks();
  await rm(deps.dataDir, { recursive: true, force: true });
});

async function auditLines(): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(deps.dataDir, "audit.log"), "utf8");
  return text.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return error instanceof ApiError ? error.status : 500;
  }
}

describe("embed token API", () => {
  test("an admin creates a token and gets the URL that opens its view; the audit log names them", async () => {
    const created = await createEmbedTokenAs(deps, admin, { scope: "/pods?ns=shop", ttlSeconds: 3600 });
    expect(created.url).toBe(`/orrery/pods?ns=shop&embed=${created.token}`);
    expect(await deps.tokens.verify(created.token, "/pods?ns=shop")).toMatchObject({ via: "embed", readOnly: true });
    expect(await auditLines()).toEqual([expect.objectContaining({ person: "alice", action: "embed-token.create", target: { kind: "embedtokens", name: created.info.id }, result: "success" })]);
  });

  test("the local person manages tokens in login mode none", async () => {
    await createEmbedTokenAs(deps, local, { scope: "/nodes" });
    expect(await listEmbedTokensAs(deps, local)).toHaveLength(1);
  });

  test("the listing tells which origins may frame Orrery (--frame-ancestors), and none when it is empty", async () => {
    expect(await embedListingAs(deps, local)).toEqual({ tokens: [], frameAncestors: [] });
    expect((await embedListingAs({ ...deps, frameAncestors: ["https://portal.example.com", "'self'"] }, local)).frameAncestors).toEqual(["https://portal.example.com", "'self'"]);
    expect(await statusOf(embedListingAs(deps, dev))).toBe(403);
  });

  test("others are refused and the refused creation is audited", async () => {
    expect(await statusOf(createEmbedTokenAs(deps, dev, { scope: "/pods" }))).toBe(403);
    expect(await statusOf(listEmbedTokensAs(deps, dev))).toBe(403);
    expect(await auditLines()).toEqual([expect.objectContaining({ person: "dev", action: "embed-token.create", result: "denied" })]);
  });

  test("nobody manages tokens when no admin group is configured, except the local person", async () => {
    const closed = { ...deps, adminGroup: undefined };
    expect(await statusOf(createEmbedTokenAs(closed, admin, { scope: "/pods" }))).toBe(403);
    expect(await statusOf(createEmbedTokenAs(closed, local, { scope: "/pods" }))).toBe(200);
  });

  test("an embedded viewer cannot mint more tokens", async () => {
    const { token } = await createEmbedTokenAs(deps, admin, { scope: "/pods" });
    const viewer = (await deps.tokens.verify(token, "/pods"))!;
    expect(await statusOf(createEmbedTokenAs(deps, viewer, { scope: "/pods" }))).toBe(403);
  });

  test("a bad scope or lifetime is a 400 naming the problem", async () => {
    await expect(createEmbedTokenAs(deps, admin, { scope: "https://evil.example" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/view path/) });
    await expect(createEmbedTokenAs(deps, admin, { scope: "/pods", ttlSeconds: 10 ** 9 })).rejects.toThrow(/ttlSeconds/);
  });

  test("revoking ends the token, is audited, and an unknown id is 404", async () => {
    const { token, info } = await createEmbedTokenAs(deps, admin, { scope: "/pods" });
    expect((await revokeEmbedTokenAs(deps, admin, info.id)).state).toBe("revoked");
    expect(await deps.tokens.verify(token, "/pods")).toBeNull();
    expect((await auditLines()).at(-1)).toMatchObject({ action: "embed-token.revoke", result: "success" });
    expect(await statusOf(revokeEmbedTokenAs(deps, admin, "nope"))).toBe(404);
  });
});

describe("embed tokens when the state store is full", () => {
  test("creating one answers 503 saying why, not a bare 500", async () => {
    const files = new FileStateStore(deps.dataDir);
    const full: StateStore = {
      description: "a full store",
      document: (kind) => {
        const document = files.document(kind);
        return { ...document, current: () => document.current(), onChange: (listener) => document.onChange(listener), update: async () => Promise.reject(new StateTooLargeError("the state Secret orrery/orrery-state", 800_000, 786_432)) };
      },
      close: () => files.close(),
    };
    const tokens = new EmbedTokens({ store: full });
    const failure = await createEmbedTokenAs({ ...deps, tokens }, admin, { scope: "/pods" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 503, message: expect.stringMatching(/over its limit of 786432: too many ended sessions or embed tokens/) });
  });
});
