import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authenticateEmbedToken, embedTokenOf } from "./embedAuthenticator";
import { EmbedTokens } from "./embedTokens";

let dataDir: string;
let tokens: EmbedTokens;
let token: string;
const verify = (t: string, p: string) => tokens.verify(t, p);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-embed-auth-"));
  tokens = EmbedTokens.inDirectory(dataDir);
  token = (await tokens.create({ name: "alice", groups: [] }, { scope: "/pods?ns=shop" })).token;
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const upgrade = (url: string, headers: Record<string, string> = {}) => ({ url, method: "GET", headers }) as unknown as IncomingMessage;

describe("embedTokenOf", () => {
  test("reads ?embed= and an embed-typed bearer token", () => {
    expect(embedTokenOf(new Request(`http://h/pods?ns=shop&embed=${token}`))).toBe(token);
    expect(embedTokenOf(new Request("http://h/api/stream", { headers: { authorization: `Bearer ${token}` } }))).toBe(token);
  });

  test("leaves other bearer tokens and requests without a token alone", () => {
    const oidcLike = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString("base64url")}.e30.sig`;
    expect(embedTokenOf(new Request("http://h/pods", { headers: { authorization: `Bearer ${oidcLike}` } }))).toBeUndefined();
    expect(embedTokenOf(upgrade("/api/stream"))).toBeUndefined();
  });
});

describe("authenticateEmbedToken", () => {
  test("answers the read-only person for a request inside the token's scope", async () => {
    expect(await authenticateEmbedToken(new Request(`http://h/pods?ns=shop&embed=${token}`), verify)).toMatchObject({ name: "alice", via: "embed", readOnly: true });
    expect(await authenticateEmbedToken(upgrade("/api/stream", { authorization: `Bearer ${token}` }), verify)).toMatchObject({ via: "embed" });
  });

  test("refuses outright (null) a token outside its scope or tampered", async () => {
    expect(await authenticateEmbedToken(new Request(`http://h/pods?ns=kube-system&embed=${token}`), verify)).toBeNull();
    expect(await authenticateEmbedToken(new Request(`http://h/pods?ns=shop&embed=${token}x`), verify)).toBeNull();
  });

  test("honours a token the local person made only while login is off", async () => {
    const local = (await tokens.create({ name: "local", groups: [], via: "local" }, { scope: "/pods?ns=shop" })).token;
    const request = () => new Request(`http://h/pods?ns=shop&embed=${local}`);
    expect(await authenticateEmbedToken(request(), verify, true)).toMatchObject({ via: "embed", madeByLocal: true, readOnly: true });
    expect(await authenticateEmbedToken(request(), verify, false)).toBeNull();
  });

  test("is not consulted (undefined) for requests without an embed token", async () => {
    expect(await authenticateEmbedToken(new Request("http://h/pods?ns=shop"), verify)).toBeUndefined();
  });
});
