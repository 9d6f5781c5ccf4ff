import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { EMBED_MAX_TTL_SECONDS, EmbedTokens } from "./embedTokens";
import { actsWithKubeconfigIdentity } from "../kube/asPerson";

let dataDir: string;
let clock: number;
let tokens: EmbedTokens;
const alice = { name: "alice", groups: ["orrery:admins"] };

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-embed-"));
  clock = Date.UTC(2026, 0, 1);
  tokens = EmbedTokens.inDirectory(dataDir, () => clock);
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe("EmbedTokens", () => {
  test("a token opens its view as a read-only person of its creator", async () => {
    const { token, info } = await tokens.create(alice, { scope: "/pods?ns=shop", ttlSeconds: 3600 });
    expect(info).toMatchObject({ scope: "/pods?ns=shop", createdBy: "alice", state: "active", expiresAt: "2026-01-01T01:00:00.000Z" });
    const person = await tokens.verify(token, "/pods?ns=shop&embed=x");
    expect(person).toEqual({ name: "alice", groups: ["orrery:admins"], via: "embed", readOnly: true, scope: "/pods?ns=shop", expiresAt: clock + 3600_000, sessionId: `embed:${info.id}` });
  });

  test("a token made by the local person (no login) keeps the kubeconfig's identity, read-only", async () => {
    const { token } = await tokens.create({ name: "local", groups: [], via: "local" }, { scope: "/pods?ns=shop" });
    const person = await tokens.verify(token, "/pods?ns=shop");
    expect(person).toMatchObject({ name: "local", via: "embed", readOnly: true, madeByLocal: true });
    expect(actsWithKubeconfigIdentity(person!)).toBe(true);
    const fromAlice = await tokens.verify((await tokens.create({ ...alice, via: "session" }, { scope: "/pods" })).token, "/pods");
    expect(actsWithKubeconfigIdentity(fromAlice!)).toBe(false);
  });

  test("a token outside its scope is worth nothing", async () => {
    const { token } = await tokens.create(alice, { scope: "/pods?ns=shop" });
    expect(await tokens.verify(token, "/pods?ns=kube-system")).toBeNull();
    expect(await tokens.verify(token, "/workloads")).toBeNull();
  });

  test("expires, and never lives longer than 30 days", async () => {
    const { token } = await tokens.create(alice, { scope: "/pods", ttlSeconds: 10 * EMBED_MAX_TTL_SECONDS });
    expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(EMBED_MAX_TTL_SECONDS);
    clock += EMBED_MAX_TTL_SECONDS * 1000;
    expect(await tokens.verify(token, "/pods")).toBeNull();
  });

  test("revoked tokens stop working, also for a new process reading the same data directory", async () => {
    const { token, info } = await tokens.create(alice, { scope: "/pods" });
    const closed: string[] = [];
    tokens.onRevoked((id) => closed.push(id));
    expect((await tokens.revoke(info.id, alice))?.state).toBe("revoked");
    expect(closed).toEqual([info.id]);
    expect(await tokens.verify(token, "/pods")).toBeNull();
    const restarted = EmbedTokens.inDirectory(dataDir, () => clock);
    expect(await restarted.verify(token, "/pods")).toBeNull();
    expect((await restarted.list())[0]).toMatchObject({ id: info.id, state: "revoked" });
  });

  test("a restarted process still honours unrevoked tokens (same key and list)", async () => {
    const { token } = await tokens.create(alice, { scope: "/nodes" });
    const restarted = EmbedTokens.inDirectory(dataDir, () => clock);
    expect((await restarted.verify(token, "/nodes"))?.name).toBe("alice");
  });

  test("refuses tampered, foreign-key, unlisted and unsigned tokens", async () => {
    const { token } = await tokens.create(alice, { scope: "/pods" });
    const [header, payload, signature] = token.split(".");
    const widened = Buffer.from(JSON.stringify({ ...decodeJwt(token), scope: "/nodes" })).toString("base64url");
    expect(await tokens.verify(`${header}.${widened}.${signature}`, "/nodes")).toBeNull();
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "orrery-embed+jwt" })).toString("base64url")}.${payload}.`;
    expect(await tokens.verify(unsigned, "/pods")).toBeNull();
    const foreign = await new SignJWT({ ...decodeJwt(token) }).setProtectedHeader({ alg: "HS256", typ: "orrery-embed+jwt" }).sign(new Uint8Array(32).fill(7));
    expect(await tokens.verify(foreign, "/pods")).toBeNull();
    const other = EmbedTokens.inDirectory(path.join(dataDir, "other"), () => clock);
    expect(await other.verify(token, "/pods")).toBeNull();
  });

  test("refuses a scope that is not a view", async () => {
    await expect(tokens.create(alice, { scope: "https://evil.example/" })).rejects.toThrow(/view path/);
  });

  test("keeps its key and list readable by the owner only, without the tokens themselves", async () => {
    const { token } = await tokens.create(alice, { scope: "/pods" });
    expect((await stat(path.join(dataDir, "embed-token.key"))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dataDir, "embed-tokens.json"))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(dataDir, "embed-tokens.json"), "utf8")).not.toContain(token.split(".")[2]);
  });
});
