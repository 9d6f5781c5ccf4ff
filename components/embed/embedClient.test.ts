import { describe, expect, test, vi } from "vitest";
import { ApiRequestError } from "@/lib/wire/readApiError";
import type { Person } from "@/server/auth/person";
import { revokeEmbedTokenAs } from "@/server/embed/embedApi";
import { EmbedTokens } from "@/server/embed/embedTokens";
import { orreryFetch } from "@/components/testing/orreryFetch";
import { createEmbedToken, iframeSnippet, listEmbedTokens, revokeEmbedToken, scopeOfPage } from "./embedClient";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("embedClient", () => {
  test("creates and revokes with the CSRF header and lists without it", async () => {
    const fetchFn = vi.fn(async (_url: string, init?: RequestInit) => (init?.method === "GET" ? json(200, { tokens: [] }) : json(201, { token: "t", url: "/pods?embed=t", info: {} })));
    await listEmbedTokens(fetchFn);
    await createEmbedToken("/pods?ns=shop", 3600, fetchFn);
    await revokeEmbedToken("a/b", fetchFn);
    const [list, create, revoke] = fetchFn.mock.calls;
    expect(list![1]?.headers).toBeUndefined();
    expect(create![0]).toBe("/api/embed");
    expect(create![1]).toMatchObject({ method: "POST", headers: { "x-orrery-csrf": "1" }, body: JSON.stringify({ scope: "/pods?ns=shop", ttlSeconds: 3600 }) });
    expect(revoke![0]).toBe("/api/embed/a%2Fb");
    expect(revoke![1]).toMatchObject({ method: "DELETE", headers: { "x-orrery-csrf": "1" } });
  });

  test("turns the server's refusal into its words, status and code", async () => {
    const dev: Person = { name: "dev", groups: ["developers"], via: "session", readOnly: false };
    const deps = { tokens: EmbedTokens.inDirectory("/nonexistent"), adminGroup: "ops", basePath: "", dataDir: "/nonexistent", frameAncestors: [] };
    const admin: Person = { ...dev, groups: ["ops"] };
    // What DELETE /api/embed/{id} answers for an unknown token: the real handler behind the real wrapper.
    const revoking = revokeEmbedToken("gone", orreryFetch(admin, (_req, { person }) => revokeEmbedTokenAs(deps, person, "gone").then((info) => Response.json(info))));
    await expect(revoking).rejects.toEqual(new ApiRequestError(404, "not_found", 'embed token "gone" not found; it may have expired and been removed'));
    const listing = listEmbedTokens(orreryFetch(null, () => Response.json({ tokens: [] })));
    await expect(listing).rejects.toMatchObject({ status: 401, code: "unauthenticated", message: expect.stringMatching(/^login required/) });
  });

  test("a proxy's HTML error page becomes a sentence with the status, not a JSON parse error", async () => {
    const proxy = async () => new Response("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>", { status: 502, statusText: "Bad Gateway", headers: { "content-type": "text/html" } });
    await expect(createEmbedToken("/pods", 3600, proxy)).rejects.toThrow('the server answered 502 Bad Gateway with a web page ("502 Bad Gateway") instead of Orrery\'s answer; Orrery, or a proxy in front of it, is not answering: try again shortly');
  });
});

describe("scopeOfPage", () => {
  test("keeps the view's query but not a token it was opened with", () => {
    expect(scopeOfPage("/topology", "?view=pods&ns=shop&embed=secret")).toBe("/topology?view=pods&ns=shop");
    expect(scopeOfPage("/pods", "")).toBe("/pods");
  });
});

describe("iframeSnippet", () => {
  test("makes the URL absolute and cannot be broken out of by quotes", () => {
    expect(iframeSnippet("https://orrery.example.com", '/orrery/pods?ns=a"b&embed=t')).toBe(
      '<iframe src="https://orrery.example.com/orrery/pods?ns=a%22b&embed=t" width="100%" height="600" style="border:0" title="Orrery"></iframe>',
    );
  });
});
