import { describe, expect, test } from "vitest";
import { buildContentSecurityPolicy, isEmbeddedRequest, newNonce, pageSecurityHeaders, type PageSecurityInput } from "./contentSecurityPolicy";

const base: PageSecurityInput = { nonce: "abc123", dev: false, frameAncestors: [], embedded: false, host: "127.0.0.1:3000" };

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((part) => [part.split(" ")[0]!, part.slice(part.indexOf(" ") + 1)]));
}

describe("buildContentSecurityPolicy", () => {
  test("runs only scripts carrying the request's nonce, and no eval in production", () => {
    const csp = directives(buildContentSecurityPolicy(base));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("style-src")).toBe("'self' 'nonce-abc123'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
  });

  test("lets the page open websockets to its own host only", () => {
    expect(directives(buildContentSecurityPolicy(base)).get("connect-src")).toBe("'self' ws://127.0.0.1:3000 wss://127.0.0.1:3000");
    expect(directives(buildContentSecurityPolicy({ ...base, host: "x; script-src *" })).get("connect-src")).toBe("'self'");
  });

  test("denies framing unless the request is an embedded view and origins are configured", () => {
    expect(directives(buildContentSecurityPolicy(base)).get("frame-ancestors")).toBe("'none'");
    expect(directives(buildContentSecurityPolicy({ ...base, frameAncestors: ["https://portal.example"] })).get("frame-ancestors")).toBe("'none'");
    expect(directives(buildContentSecurityPolicy({ ...base, embedded: true, frameAncestors: ["https://portal.example", "'self'"] })).get("frame-ancestors")).toBe("https://portal.example 'self'");
  });

  test("allows eval and unnonced styles only for Next's dev server", () => {
    const csp = directives(buildContentSecurityPolicy({ ...base, dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("style-src")).toContain("'unsafe-inline'");
  });
});

describe("pageSecurityHeaders", () => {
  test("sends X-Frame-Options DENY unless the embedded view may be framed", () => {
    expect(pageSecurityHeaders(base)["X-Frame-Options"]).toBe("DENY");
    expect(pageSecurityHeaders({ ...base, embedded: true, frameAncestors: ["https://portal.example"] })).not.toHaveProperty("X-Frame-Options");
    expect(pageSecurityHeaders(base)).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin" });
  });
});

describe("newNonce", () => {
  test("is fresh and 128 bits long", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("isEmbeddedRequest", () => {
  test("recognises embed tokens and /embed/ under the base path", () => {
    expect(isEmbeddedRequest("/pods", new URLSearchParams("embed=t"))).toBe(true);
    expect(isEmbeddedRequest("/orrery/embed/pods", new URLSearchParams(), "/orrery")).toBe(true);
    expect(isEmbeddedRequest("/embedded", new URLSearchParams())).toBe(false);
    expect(isEmbeddedRequest("/pods", new URLSearchParams("ns=shop"))).toBe(false);
  });
});
