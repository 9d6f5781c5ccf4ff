import { describe, expect, test } from "vitest";
import { OriginPolicy, parseHostHeader } from "./originPolicy";

const loopback = new OriginPolicy({ listenHost: "127.0.0.1", port: 3000, allowedOrigins: [] });

describe("OriginPolicy.isServedHost", () => {
  test("accepts the loopback names with the served port", () => {
    expect(loopback.isServedHost("127.0.0.1:3000")).toBe(true);
    expect(loopback.isServedHost("localhost:3000")).toBe(true);
    expect(loopback.isServedHost("[::1]:3000")).toBe(true);
  });

  test("a loopback listen address in any spelling serves the loopback names; a 127.-named host does not", () => {
    expect(new OriginPolicy({ listenHost: "::ffff:127.0.0.1", port: 3000, allowedOrigins: [] }).isServedHost("localhost:3000")).toBe(true);
    const named = new OriginPolicy({ listenHost: "127.corp.lan", port: 3000, allowedOrigins: [] });
    expect(named.isServedHost("localhost:3000")).toBe(false);
    expect(named.isServedHost("127.corp.lan:3000")).toBe(true);
  });

  test("refuses other hosts and ports (DNS rebinding, misrouted requests)", () => {
    expect(loopback.isServedHost("evil.example:3000")).toBe(false);
    expect(loopback.isServedHost("127.0.0.1:3001")).toBe(false);
    expect(loopback.isServedHost("169.254.169.254")).toBe(false);
    expect(loopback.isServedHost(undefined)).toBe(false);
  });

  test("refuses Host headers that are not a plain host[:port]", () => {
    expect(loopback.isServedHost("user@127.0.0.1:3000")).toBe(false);
    expect(loopback.isServedHost("127.0.0.1:3000/x")).toBe(false);
    expect(parseHostHeader("127.0.0.1:99999")).toBeUndefined();
  });

  test("accepts the public URL's host with or without its default port", () => {
    const policy = new OriginPolicy({ listenHost: "0.0.0.0", port: 3000, publicOrigin: "https://orrery.example.com", allowedOrigins: [], interfaceAddresses: () => ["10.1.2.3"] });
    expect(policy.isServedHost("orrery.example.com")).toBe(true);
    expect(policy.isServedHost("orrery.example.com:443")).toBe(true);
    expect(policy.isServedHost("10.1.2.3:3000")).toBe(true);
    expect(policy.isServedHost("10.9.9.9:3000")).toBe(false);
  });
});

describe("OriginPolicy.check", () => {
  test("lets requests without Origin through: no browser sent them", () => {
    expect(loopback.check(undefined, "127.0.0.1:3000")).toEqual({ ok: true });
  });

  test("accepts the page's own origin on a served host", () => {
    expect(loopback.check("http://127.0.0.1:3000", "127.0.0.1:3000").ok).toBe(true);
    expect(loopback.check("http://localhost:3000", "localhost:3000").ok).toBe(true);
  });

  test("refuses foreign, null and look-alike origins", () => {
    expect(loopback.check("https://evil.example", "127.0.0.1:3000").ok).toBe(false);
    expect(loopback.check("null", "127.0.0.1:3000").ok).toBe(false);
    expect(loopback.check("http://127.0.0.1:3000.evil.example", "127.0.0.1:3000").ok).toBe(false);
    expect(loopback.check("http://127.0.0.1:3001", "127.0.0.1:3000").ok).toBe(false);
  });

  test("refuses an origin that matches a rebinding Host it does not serve", () => {
    expect(loopback.check("http://evil.example:3000", "evil.example:3000").ok).toBe(false);
  });

  test("accepts configured origins exactly", () => {
    const policy = new OriginPolicy({ listenHost: "127.0.0.1", port: 3000, publicOrigin: "https://orrery.example.com", allowedOrigins: ["https://ops.example.com"] });
    expect(policy.check("https://ops.example.com", "127.0.0.1:3000").ok).toBe(true);
    expect(policy.check("https://orrery.example.com", "orrery.example.com").ok).toBe(true);
    expect(policy.check("https://ops.example.com.evil", "127.0.0.1:3000").ok).toBe(false);
    expect(policy.check("http://ops.example.com", "127.0.0.1:3000").ok).toBe(false);
  });
});
