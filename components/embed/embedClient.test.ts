import { describe, expect, test, vi } from "vitest";
import { createEmbedToken, EmbedApiError, iframeSnippet, listEmbedTokens, revokeEmbedToken, scopeOfPage } from "./embedClient";

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

  test("turns a refusal into the server's words and status", async () => {
    const refused = listEmbedTokens(async () => json(403, { error: 'managing embed tokens needs membership in the group "ops"' }));
    await expect(refused).rejects.toEqual(new EmbedApiError('managing embed tokens needs membership in the group "ops"', 403));
    await expect(refused).rejects.toHaveProperty("status", 403);
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
